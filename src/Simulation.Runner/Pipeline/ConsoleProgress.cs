using Spectre.Console;

namespace Simulation.Runner.Pipeline;

/// <summary>
/// The one live progress bar of the commands (run, sweep, calibrate): Spectre's bar with ETA on a terminal. Callers
/// print plain log lines instead when <see cref="Live"/> is false (CI, pipes, tests), where a bar would be noise.
/// </summary>
public static class ConsoleProgress
{
    public static bool Live => AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;

    private static Progress Display() => AnsiConsole.Progress()
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn());

    /// <summary>Runs <paramref name="work"/> under a bar of <paramref name="max"/> steps, full when it returns.</summary>
    public static async Task<T> BarAsync<T>(string description, double max, Func<ProgressTask, Task<T>> work)
    {
        T result = default!;
        await Display().StartAsync(async ctx =>
        {
            var task = ctx.AddTask(description, maxValue: max);
            result = await work(task);
            task.Value = max;
        });
        return result;
    }

    /// <summary>The same for work that runs on this thread (the calibration's simplex).</summary>
    public static T Bar<T>(string description, double max, Func<ProgressTask, T> work)
    {
        T result = default!;
        Display().Start(ctx =>
        {
            var task = ctx.AddTask(description, maxValue: max);
            result = work(task);
            task.Value = max;
        });
        return result;
    }
}
