using StackExchange.Redis;

namespace Simulation.Runner.Cluster;

/// <summary>
/// Where a cluster's membership lives: a Redis server (StackExchange.Redis connection string, e.g. "127.0.0.1:6379")
/// and the cluster id that separates clusters sharing that server. Silos and clients must name the same pair.
/// </summary>
public sealed record ClusterAddress(string Redis, string ClusterId)
{
    public const string DefaultClusterId = "surveillance-sim";
    /// <summary>Stable across deployments (Orleans best practice); the cluster id tells deployments apart.</summary>
    public const string ServiceId = "surveillance-sim";

    /// <summary>Parses the connection string; a malformed one is bad input (the option name is in the message).</summary>
    public ConfigurationOptions RedisOptions(string option)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(Redis);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException)
        {
            throw new ArgumentException($"{option} '{Redis}' is not a Redis connection string ({e.Message}); e.g. 127.0.0.1:6379");
        }
        if (options.EndPoints.Count == 0)
            throw new ArgumentException($"{option} '{Redis}' names no Redis server; e.g. 127.0.0.1:6379");
        options.ConnectTimeout = 5000;
        return options;
    }

    public override string ToString() => $"cluster '{ClusterId}' (Redis at {Redis})";

    /// <summary>Why joining failed, in the user's terms: StackExchange.Redis's own message for an unreachable server
    /// advises changing code ("use abortConnect=false ... in your code"), which a user of this tool cannot act on.</summary>
    public string Failure(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is RedisConnectionException redis)
                return redis.FailureType switch
                {
                    ConnectionFailureType.AuthenticationFailure => $"the Redis server at {Redis} refused the credentials (check password= or user= in the connection string)",
                    ConnectionFailureType.UnableToConnect or ConnectionFailureType.UnableToResolvePhysicalConnection or ConnectionFailureType.SocketFailure
                        or ConnectionFailureType.ConnectionDisposed => $"no Redis server answered at {Redis}",
                    _ => $"Redis at {Redis}: {redis.FailureType}",
                };
        return e.GetBaseException().Message;
    }
}
