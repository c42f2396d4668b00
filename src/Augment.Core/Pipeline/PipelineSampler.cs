using System.Globalization;
using Augment.Core.Imaging;
using Augment.Core.Ops;
using Augment.Core.Randomness;

namespace Augment.Core.Pipeline;

/// <summary>
/// Draws every op's decision and parameters for one item and variant, without touching pixels:
/// each op from its own stream (docs/randomness.md), first <c>Bernoulli(p)</c>, then its parameters.
/// Spatial ops see the size the ops before them produce.
/// </summary>
public static class PipelineSampler
{
    public static IReadOnlyList<OpRecord> Sample(IReadOnlyList<IOp> pipeline, ItemSeed seed, ImageInfo input)
    {
        var records = new List<OpRecord>();
        var info = input;
        for (var i = 0; i < pipeline.Count; i++)
        {
            VisitOp(pipeline[i], i.ToString(CultureInfo.InvariantCulture), forced: false, seed, ref info, records);
        }

        return records;
    }

    private static void VisitOp(IOp op, string path, bool forced, ItemSeed seed, ref ImageInfo info, List<OpRecord> records)
    {
        var rng = RandomStream.ForOp(seed, path);
        // Drawn even when forced, so that forcing never shifts the op's other draws.
        var applied = rng.Bernoulli(op.Probability) | forced;
        switch (op)
        {
            case ICompositionOp composition:
                {
                    var chosen = applied ? composition.Choose(rng) : [];
                    records.Add(new OpRecord(path, op.Descriptor.Name, applied, new CompositionParams(chosen)));
                    var picks = new Dictionary<int, int>();
                    foreach (var index in chosen)
                    {
                        // A child keeps its index in the composition's list as its position ("2.1"); a
                        // child chosen again (SomeOf with replace) is "2.1@1", so it draws its own stream.
                        var repeat = picks[index] = picks.GetValueOrDefault(index, -1) + 1;
                        var childPath = $"{path}.{index.ToString(CultureInfo.InvariantCulture)}" +
                                        (repeat == 0 ? string.Empty : "@" + repeat.ToString(CultureInfo.InvariantCulture));
                        VisitOp(composition.Children[index], childPath, composition.ForcesChildren, seed, ref info, records);
                    }

                    break;
                }

            case ISampledOp sampled:
                {
                    var parameters = applied ? sampled.Sample(rng, info) : null;
                    records.Add(new OpRecord(path, op.Descriptor.Name, applied, parameters));
                    if (applied && op is ISpatialOp spatial)
                    {
                        info = info.WithSize(spatial.OutputSize(parameters!, info));
                    }

                    break;
                }

            default:
                throw new InvalidOperationException($"op {op.Descriptor.Name} neither samples nor composes");
        }
    }
}
