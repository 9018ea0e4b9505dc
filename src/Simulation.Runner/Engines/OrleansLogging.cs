using Microsoft.Extensions.Logging;

namespace Simulation.Runner.Engines;

/// <summary>
/// Orleans' own logging for every host the tool starts (embedded silos, cluster client, `silo`). Ordinary runs show
/// none of it: the results and errors the tool prints say what the user needs. With --verbose, Orleans logs from
/// Information up, on standard error, so standard output stays the tool's own.
/// </summary>
public static class OrleansLogging
{
    /// <param name="alwaysShown">A log category shown at Information even without --verbose (a silo's batch lines).</param>
    public static void Configure(ILoggingBuilder logging, bool verbose, string? alwaysShown = null)
    {
        logging.ClearProviders();
        if (!verbose && alwaysShown is null)
        {
            logging.SetMinimumLevel(LogLevel.None);
            return;
        }
        logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.None);
        if (alwaysShown is not null) logging.AddFilter(alwaysShown, LogLevel.Information);
        logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
