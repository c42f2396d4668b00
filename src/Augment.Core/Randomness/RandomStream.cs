using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Augment.Core.Randomness;

/// <summary>
/// The random numbers one op draws for one item and variant. Its state is SHA-256(item seed, op
/// path), so each op's draws are independent of every other op's: editing op k's parameters, or how
/// many numbers it draws, leaves every other op's sampled parameters unchanged. Passed into
/// <c>Sample</c>, never ambient. docs/randomness.md specifies every method bit for bit.
/// </summary>
public sealed class RandomStream
{
    private const string Domain = "augment.build/op-stream/v1";
    private const string FieldDomain = "augment.build/field/v1";
    private const double TwoToMinus53 = 1.0 / (1UL << 53);

    private Xoshiro256StarStar _generator;

    private RandomStream(ReadOnlySpan<byte> state)
    {
        _generator = new Xoshiro256StarStar(
            BinaryPrimitives.ReadUInt64LittleEndian(state),
            BinaryPrimitives.ReadUInt64LittleEndian(state[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(state[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(state[24..]));
    }

    /// <summary>
    /// The stream of the op at <paramref name="opPath"/>: its position in the pipeline ("3"), with
    /// the positions inside composition ops appended ("3.1").
    /// </summary>
    public static RandomStream ForOp(ItemSeed item, string opPath)
    {
        var path = Encoding.UTF8.GetBytes(opPath);
        var message = new List<byte>(Domain.Length + 1 + 32 + 4 + path.Length);
        message.AddRange(Encoding.ASCII.GetBytes(Domain));
        message.Add(0);
        message.AddRange(item.Bytes);
        ItemSeed.AppendUInt32(message, (uint)path.Length);
        message.AddRange(path);
        return new RandomStream(SHA256.HashData(message.ToArray()));
    }

    /// <summary>
    /// The stream of a sampled field seed: ops whose parameters include a whole field of random
    /// values (elastic displacements, noise) record one 64-bit seed drawn from their op stream, and
    /// regenerate the field from this stream when they are applied, so that replay needs no draws.
    /// </summary>
    public static RandomStream ForField(ulong fieldSeed)
    {
        var message = new List<byte>(FieldDomain.Length + 1 + 8);
        message.AddRange(Encoding.ASCII.GetBytes(FieldDomain));
        message.Add(0);
        ItemSeed.AppendUInt64(message, fieldSeed);
        return new RandomStream(SHA256.HashData(message.ToArray()));
    }

    public ulong NextUInt64() => _generator.Next();

    /// <summary>
    /// The generator itself, for the loops that fill whole fields (<see cref="RandomFields"/>,
    /// <see cref="Randomness.FieldNormal.Fill(ref Xoshiro256StarStar, Span{double})"/>, GaussNoise's rows):
    /// they draw from a local copy, which stays in registers, and store it back.
    /// </summary>
    internal ref Xoshiro256StarStar Generator => ref _generator;

    /// <summary>A standard normal by Doornik's ziggurat, drawing one output or more (docs/randomness.md, FieldNormal).</summary>
    internal double FieldNormal() => Randomness.FieldNormal.Next(ref _generator);

    /// <summary>A double in [0, 1): the top 53 bits of one output, times 2^-53.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * TwoToMinus53;

    /// <summary>A double in [low, high): low + (high - low) * NextDouble(); exactly low when they are equal.</summary>
    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>True with probability <paramref name="p"/>: NextDouble() &lt; p. Always draws one number.</summary>
    public bool Bernoulli(double p) => NextDouble() < p;

    /// <summary>
    /// An integer in [low, high) without modulo bias (Lemire's multiply-and-reject,
    /// https://arxiv.org/abs/1805.10941), drawing one or more outputs.
    /// </summary>
    public long NextInt64(long low, long high)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(low, high);
        var range = (ulong)(high - low);
        var product = Math.BigMul(NextUInt64(), range, out var fraction);
        if (fraction < range)
        {
            var threshold = (0 - range) % range;
            while (fraction < threshold)
            {
                product = Math.BigMul(NextUInt64(), range, out fraction);
            }
        }

        return low + (long)product;
    }

    /// <summary>An integer in [low, high].</summary>
    public int NextIntInclusive(int low, int high) => (int)NextInt64(low, (long)high + 1);

    /// <summary>
    /// A standard normal variate by the Box-Muller transform over two draws (u1 in (0, 1], u2 in
    /// [0, 1)); the second variate of the pair is discarded so that each call draws exactly two
    /// outputs.
    /// </summary>
    public double Normal(double mean = 0, double standardDeviation = 1)
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return mean + (standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary>One element of <paramref name="choices"/>, uniformly.</summary>
    public T Choose<T>(IReadOnlyList<T> choices) => choices[(int)NextInt64(0, choices.Count)];
}
