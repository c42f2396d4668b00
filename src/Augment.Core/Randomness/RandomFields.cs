namespace Augment.Core.Randomness;

/// <summary>Whole fields of random values from one stream (docs/randomness.md): ElasticTransform's displacement noise.</summary>
internal static class RandomFields
{
    // 2^-52: Uniform(-1, 1)'s (1 - -1) * NextDouble() = 2 * (m * 2^-53) for the 53 bits m, as one exact product.
    private const double TwoToMinus52 = 1.0 / (1UL << 52);

    /// <summary>
    /// Fills <paramref name="values"/> in order with FieldNormal() draws (or Uniform(-1, 1) ones) as
    /// floats, advancing <paramref name="stream"/> as that many draws made one by one would.
    /// </summary>
    internal static void Fill(RandomStream stream, Span<float> values, bool gaussian)
    {
        if (gaussian)
        {
            FieldNormal.Fill(ref stream.Generator, values);
            return;
        }

        // The generator in a local, so that its state stays in registers through the loop.
        var generator = stream.Generator;
        foreach (ref var value in values)
        {
            value = (float)(-1.0 + ((long)(generator.Next() >> 11) * TwoToMinus52));
        }

        stream.Generator = generator;
    }
}
