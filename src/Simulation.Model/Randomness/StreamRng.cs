namespace Simulation.Model.Randomness;

/// <summary>
/// xoshiro256** seeded with a full 64-bit value (MathNet's own Xoshiro256StarStar only takes 32 bits, which would
/// collide across the millions of per-agent, per-tick streams). A plain class, not a MathNet RandomSource: that base
/// seeds a System.Random on construction, which dominated run time with one stream per agent, tick and phase.
/// A mutable struct so that the millions of short-lived streams cost no allocation: keep it in a local and pass it
/// by ref. Not thread-safe: each stream belongs to one agent turn.
/// </summary>
public struct StreamRng
{
    private ulong _s0, _s1, _s2, _s3;

    public StreamRng(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public ulong NextULong()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on the open interval (0, 1): safe to take a logarithm of.</summary>
    public double NextOpen() => ((NextULong() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Standard Gumbel draw, the noise term of a multinomial logit.</summary>
    public double NextGumbel() => -Math.Log(-Math.Log(NextOpen()));

    /// <summary>Standard normal draw (Box–Muller on our own uniforms, so no hidden generator is involved).</summary>
    public double NextNormal() => Math.Sqrt(-2.0 * Math.Log(NextOpen())) * Math.Cos(2.0 * Math.PI * NextDouble());

    internal static ulong SplitMix64(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
