using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Simulation.Abstractions;
using Simulation.Model.Engine;

namespace Simulation.Runner.Cluster;

/// <summary>
/// Hands an ensemble's batches to the silos of a cluster and gets every one of them done. Each silo gets at most
/// <see cref="BatchesPerSilo"/> batches at a time (placed there by a placement hint), so a silo that joins takes the
/// next batches. Once a second the dispatcher reads the membership; a batch whose silo has left (killed, or declared
/// dead) is run again on another silo under a new key, from its own seed, so its result is the same. A batch that
/// fails for a transport reason is retried too, and its silo gets no new batch for a while (it is likely dying, and
/// membership takes some seconds to say so); a failure of the model itself ends the run.
/// </summary>
public sealed class BatchDispatcher(IClusterClient client, TextWriter log)
{
    /// <summary>Two batches per silo keep a silo's cores busy while one batch waits at its tick barrier (assumption).</summary>
    public const int BatchesPerSilo = 2;
    public const int MaxAttempts = 8;
    private static readonly TimeSpan Suspicion = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan NoSiloLimit = TimeSpan.FromSeconds(60);

    private sealed class Flight(Batch batch, int attempt, SiloAddress silo)
    {
        public Batch Batch { get; } = batch;
        public int Attempt { get; } = attempt;
        /// <summary>The silo asked for, then the silo the batch actually activated on.</summary>
        public SiloAddress Silo { get; set; } = silo;
        public Task<Immutable<BatchResult>> Task { get; set; } = null!;
    }

    /// <summary>Runs every batch of <paramref name="spec"/>; <paramref name="absorb"/> gets each result once, on this thread.</summary>
    public async Task RunAsync(RunSpec spec, Action<Batch, BatchResult> absorb, CancellationToken cancel)
    {
        var ensemble = $"ens-{Guid.NewGuid():N}"; // a key only: never a model input
        var pending = new Queue<Batch>(Batches.Of(spec.Replicates));
        var attempts = new int[pending.Count];
        var flying = new List<Flight>();
        var left = pending.Count;
        var management = client.GetGrain<IManagementGrain>(0);
        SiloAddress[] silos = [];
        var lastSilo = DateTime.UtcNow;
        var suspectUntil = new Dictionary<SiloAddress, DateTime>();
        while (left > 0)
        {
            cancel.ThrowIfCancellationRequested();
            silos = await ActiveSilosAsync(management, silos);
            if (silos.Length > 0) lastSilo = DateTime.UtcNow;
            else if (DateTime.UtcNow - lastSilo > NoSiloLimit)
                throw new InvalidOperationException($"no silo has been active in the cluster for {NoSiloLimit.TotalSeconds:0} s");

            foreach (var lost in flying.Where(f => !silos.Contains(f.Silo)).ToArray())
            {
                Log($"silo {lost.Silo} left the cluster; batch of replicates {lost.Batch.First}-{lost.Batch.First + lost.Batch.Count - 1} runs again");
                Abandon(lost);
                flying.Remove(lost);
                pending.Enqueue(lost.Batch);
            }
            foreach (var silo in silos.Where(s => suspectUntil.GetValueOrDefault(s) < DateTime.UtcNow))
                while (pending.Count > 0 && flying.Count(f => f.Silo.Equals(silo)) < BatchesPerSilo)
                {
                    var batch = pending.Dequeue();
                    var flight = new Flight(batch, ++attempts[batch.Index], silo);
                    flight.Task = FlyAsync(flight, ensemble, spec);
                    flying.Add(flight);
                }

            await Task.WhenAny(flying.Select(f => (Task)f.Task).Append(Task.Delay(Poll, cancel)));
            foreach (var landed in flying.Where(f => f.Task.IsCompleted).ToArray())
            {
                flying.Remove(landed);
                if (landed.Task.IsCompletedSuccessfully)
                {
                    absorb(landed.Batch, landed.Task.Result.Value);
                    left--;
                }
                else if (IsTransport(landed.Task.Exception!.GetBaseException()) && landed.Attempt < MaxAttempts)
                {
                    Log($"batch of replicates {landed.Batch.First}-{landed.Batch.First + landed.Batch.Count - 1} failed on {landed.Silo} " +
                        $"({FirstLine(landed.Task.Exception.GetBaseException().Message)}); it runs again");
                    suspectUntil[landed.Silo] = DateTime.UtcNow + Suspicion;
                    pending.Enqueue(landed.Batch);
                }
                else await landed.Task; // the model's own error: the run stops with it
            }
        }
        foreach (var f in flying) Abandon(f);
    }

    private async Task<Immutable<BatchResult>> FlyAsync(Flight flight, string ensemble, RunSpec spec)
    {
        await Task.Yield();
        RequestContext.Set(IPlacementDirector.PlacementHintKey, flight.Silo);
        var grain = client.GetGrain<IBatchGrain>($"{ensemble}/b{flight.Batch.First}/a{flight.Attempt}");
        flight.Silo = await grain.WhereAsync();
        return await grain.RunAsync(spec.Batch(flight.Batch.First, flight.Batch.Count).AsImmutable());
    }

    private static async Task<SiloAddress[]> ActiveSilosAsync(IManagementGrain management, SiloAddress[] previous)
    {
        try
        {
            var hosts = await management.GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5));
            return [.. hosts.Keys.OrderBy(s => s.ToString(), StringComparer.Ordinal)];
        }
        catch (Exception e) when (IsTransport(e))
        {
            return previous; // the management grain was on a lost silo: ask again next round
        }
    }

    /// <summary>Failures of the cluster rather than of the model: worth running the batch again elsewhere.</summary>
    private static bool IsTransport(Exception e) => e is OrleansException or TimeoutException or OperationCanceledException;

    /// <summary>An abandoned call may still fail later; observe it so it is never reported as unobserved.</summary>
    private static void Abandon(Flight flight) => flight.Task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private void Log(string message) => log.WriteLine(message);
}
