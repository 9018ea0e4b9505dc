using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Simulation.Abstractions;
using Simulation.Model.Setup;

namespace Simulation.Runner.Cluster;

/// <summary>
/// Hands an ensemble's batches to the silos of a cluster and gets every one of them done. Each silo gets at most
/// <see cref="BatchesPerSilo"/> batches at a time (placed there by a placement hint), so a silo that joins takes the
/// next batches. Once a second the dispatcher reads the membership and polls every batch in flight. A batch is run
/// again, on another silo, under a new key and from its own seed (so with the same result), when its silo has left
/// the cluster, when its activation no longer knows it, when it failed for a cluster reason (a message to a lost
/// silo), or when starting it failed for a transport reason (that
/// silo then gets no new batch for a while: it is likely dying, and membership takes seconds to say so). A failure of
/// the model itself ends the run.
/// </summary>
public sealed class BatchDispatcher(IClusterClient client, TextWriter log)
{
    /// <summary>Two batches per silo keep a silo's cores busy while one batch waits at its tick barrier (assumption).</summary>
    public const int BatchesPerSilo = 2;
    public const int MaxAttempts = 8;
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Suspicion = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan NoSiloLimit = TimeSpan.FromSeconds(60);

    private sealed class Flight(Batch batch, int attempt, SiloAddress silo, IBatchGrain grain)
    {
        public Batch Batch { get; } = batch;
        public int Attempt { get; } = attempt;
        public IBatchGrain Grain { get; } = grain;
        /// <summary>The silo asked for, then the silo the batch actually started on.</summary>
        public SiloAddress Silo { get; set; } = silo;
        public Task<SiloAddress> Start { get; set; } = null!;
        public Task<Immutable<BatchPoll>>? Poll { get; set; }
        public string Replicates => $"replicates {Batch.First}-{Batch.First + Batch.Count - 1}";
    }

    /// <summary>Runs every batch of <paramref name="plan"/>; <paramref name="absorb"/> gets each result once, on this thread.</summary>
    public async Task RunAsync(RunPlan plan, Action<Batch, BatchResult> absorb, CancellationToken cancel)
    {
        var ensemble = $"ens-{Guid.NewGuid():N}"; // a key only: never a model input
        var pending = new Queue<Batch>(Batches.Of(plan.Replicates));
        var attempts = new int[pending.Count];
        var flying = new List<Flight>();
        var left = pending.Count;
        var management = client.GetGrain<IManagementGrain>(0);
        SiloAddress[] silos = [];
        var lastSilo = DateTime.UtcNow;
        var suspectUntil = new Dictionary<SiloAddress, DateTime>();

        void Again(Flight f, string why)
        {
            Log($"batch of {f.Replicates} runs again: {why}");
            if (f.Attempt >= MaxAttempts) throw new InvalidOperationException($"batch of {f.Replicates} failed {MaxAttempts} times; last: {why}");
            flying.Remove(f);
            pending.Enqueue(f.Batch);
        }

        while (left > 0)
        {
            cancel.ThrowIfCancellationRequested();
            silos = await ActiveSilosAsync(management, silos);
            if (silos.Length > 0) lastSilo = DateTime.UtcNow;
            else if (DateTime.UtcNow - lastSilo > NoSiloLimit)
                throw new InvalidOperationException($"no silo has been active in the cluster for {NoSiloLimit.TotalSeconds:0} s");

            foreach (var lost in flying.Where(f => !silos.Contains(f.Silo)).ToArray())
                Again(lost, $"silo {lost.Silo} left the cluster");
            foreach (var silo in silos.Where(s => suspectUntil.GetValueOrDefault(s) < DateTime.UtcNow))
                while (pending.Count > 0 && flying.Count(f => f.Silo.Equals(silo)) < BatchesPerSilo)
                {
                    var batch = pending.Dequeue();
                    var attempt = ++attempts[batch.Index];
                    var flight = new Flight(batch, attempt, silo, client.GetGrain<IBatchGrain>($"{ensemble}/b{batch.First}/a{attempt}"));
                    flight.Start = StartAsync(flight, plan);
                    flying.Add(flight);
                }

            await Task.Delay(Round, cancel);
            foreach (var f in flying.ToArray())
            {
                if (!f.Start.IsCompleted) continue;
                if (!f.Start.IsCompletedSuccessfully)
                {
                    var error = f.Start.Exception?.GetBaseException();
                    if (error is not null && !IsTransport(error)) throw error;
                    suspectUntil[f.Silo] = DateTime.UtcNow + Suspicion;
                    Again(f, $"it could not start on {f.Silo} ({FirstLine(error?.Message ?? "cancelled")})");
                    continue;
                }
                f.Silo = f.Start.Result;
                if (f.Poll is { IsCompleted: true } poll)
                {
                    f.Poll = null;
                    if (!poll.IsCompletedSuccessfully) continue; // a lost poll: ask again
                    switch (poll.Result.Value)
                    {
                        case { State: BatchState.Done, Result: { } result }:
                            flying.Remove(f);
                            absorb(f.Batch, result);
                            left--;
                            break;
                        case { State: BatchState.Failed, Transient: true, Error: var error }:
                            Again(f, $"it failed on {f.Silo} for a cluster reason ({FirstLine(error ?? "")})");
                            break;
                        case { State: BatchState.Failed, Error: var error }:
                            throw new InvalidOperationException($"batch of {f.Replicates} failed on {f.Silo}: {error}");
                        case { State: BatchState.Unknown }:
                            Again(f, $"its activation on {f.Silo} was lost");
                            break;
                    }
                }
                f.Poll ??= f.Grain.PollAsync().WaitAsync(CallLimit);
            }
        }
    }

    private static async Task<SiloAddress> StartAsync(Flight flight, RunPlan plan)
    {
        await Task.Yield();
        RequestContext.Set(IPlacementDirector.PlacementHintKey, flight.Silo);
        return await flight.Grain.StartAsync(plan.Batch(flight.Batch.First, flight.Batch.Count).AsImmutable()).WaitAsync(CallLimit * 4);
    }

    private static async Task<SiloAddress[]> ActiveSilosAsync(IManagementGrain management, SiloAddress[] previous)
    {
        try
        {
            var hosts = await management.GetHosts(onlyActive: true).WaitAsync(CallLimit);
            return [.. hosts.Keys.OrderBy(s => s.ToString(), StringComparer.Ordinal)];
        }
        catch (Exception e) when (IsTransport(e))
        {
            return previous; // the management grain was on a lost silo: ask again next round
        }
    }

    /// <summary>Failures of the cluster rather than of the model: worth running the batch again elsewhere.</summary>
    private static bool IsTransport(Exception e) => e is OrleansException or TimeoutException or OperationCanceledException;

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private void Log(string message) => log.WriteLine(message);
}
