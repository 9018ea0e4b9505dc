using System.IO.Hashing;
using System.Text;

namespace Simulation.Model.Randomness;

/// <summary>What a random stream is used for; part of its key so phases never share draws.</summary>
public enum Phase { Unrest = 1, Adoption = 2, Expansion = 3, VendorChoice = 4 }

/// <summary>
/// Derives a random stream from (scenario seed, replicate, agent id, tick, phase, sub-key) with a process-stable hash,
/// so a draw never depends on which engine, silo or thread runs the agent. Replicate r of every scenario gets the same
/// streams: comparisons between scenarios use common random numbers.
/// </summary>
public static class Streams
{
    public static StreamRng For(ulong seed, int replicate, ulong agentKey, int tick, Phase phase, ulong sub = 0)
    {
        // The seed is hashed before the replicate joins it: mixed in raw, seed s + 1's replicate r was seed s's
        // replicate r + 64, so neighbouring seeds with more than 64 replicates shared streams.
        var x = seed;
        var h = StreamRng.SplitMix64(ref x);
        h = Mix(h, (ulong)(uint)replicate);
        h = Mix(h, agentKey);
        h = Mix(h, (ulong)(uint)tick);
        h = Mix(h, (ulong)phase);
        h = Mix(h, sub);
        return new StreamRng(h);
    }

    /// <summary>Stable 64-bit key of an agent id (XxHash64 of its UTF-8 bytes); never string.GetHashCode.</summary>
    public static ulong AgentKey(string id) => XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(id));

    /// <summary>The same key of an id given as characters (encoded on the stack when short: no allocation).</summary>
    public static ulong AgentKey(ReadOnlySpan<char> id)
    {
        var size = Encoding.UTF8.GetByteCount(id);
        Span<byte> bytes = size <= 512 ? stackalloc byte[size] : new byte[size];
        Encoding.UTF8.GetBytes(id, bytes);
        return XxHash64.HashToUInt64(bytes);
    }

    private static ulong Mix(ulong h, ulong v)
    {
        var x = h ^ (v + 0x9E3779B97F4A7C15UL + (h << 6) + (h >> 2));
        return StreamRng.SplitMix64(ref x);
    }
}
