using Microsoft.Extensions.Logging;

namespace Simulation.Runner.Engines;

/// <summary>
/// Orleans' own logging for every host the tool starts (embedded silos, cluster client, `silo`). Ordinary runs show
/// none of it: the results and errors the tool prints say what the user needs. With --verbose, Orleans logs from
/// Information up, on standard error, so standard output stays the tool's own.
/// </summary>
public static class OrleansLogging
{
    public static void Configure(ILoggingBuilder logging, bool verbose, LogLevel quietLevel = LogLevel.None)
    {
        logging.ClearProviders();
        var level = verbose ? LogLevel.Information : quietLevel;
        if (level == LogLevel.None)
        {
            logging.SetMinimumLevel(LogLevel.None);
            return;
        }
        logging.SetMinimumLevel(level);
        logging.AddSimpleConsole(o => o.SingleLine = true);
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
