using Spectre.Console;

namespace Simulation.Runner.Pipeline;

/// <summary>
/// Progress over the run: all replicates advance together tick by tick, so the bar counts replicate-ticks. A live
/// bar with ETA on a terminal; plain log lines every 10 % when output is redirected (CI, pipes, tests).
/// </summary>
public static class TickProgress
{
    public static async Task<T> TrackAsync<T>(string label, int ticks, int replicates, Func<IProgress<int>, Task<T>> work)
    {
        if (ConsoleProgress.Live)
            return await ConsoleProgress.BarAsync($"{Markup.Escape(label)} ({replicates} replicates × {ticks} ticks)", ticks,
                task => work(new Progress<int>(done => task.Value = done)));
        var lastDecile = 0;
        var gate = new object();
        var log = new Progress<int>(done =>
        {
            var decile = done * 10 / ticks;
            lock (gate) // callbacks run on the thread pool: without the lock two could print out of order
            {
                if (decile <= lastDecile) return;
                lastDecile = decile;
                Console.WriteLine($"  {label}: {decile * 10}% ({done}/{ticks} ticks × {replicates} replicates)");
            }
        });
        return await work(log);
    }
}
