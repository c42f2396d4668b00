using System.Globalization;
using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Labels;
using Augment.Core.Ops;
using Augment.Core.Ops.Composition;
using Augment.Core.Randomness;

namespace Augment.Core.Pipeline;

/// <summary>
/// Draws every op's decision and parameters for one item and variant, without touching pixels:
/// each op from its own stream (docs/randomness.md), first <c>Bernoulli(p)</c>, then its parameters.
/// Spatial ops see the size the ops before them produce; detection-aware ops (<see cref="IBoxAwareOp"/>)
/// see the item's boxes, mapped through the spatial ops before them and cut to the frame (the
/// renderer's filters are not applied here: a crop that keeps a box the filters would drop only
/// keeps more).
/// </summary>
public static class PipelineSampler
{
    /// <param name="boxes">The item's source boxes, for detection-aware ops; none when it has no labels.</param>
    public static IReadOnlyList<OpRecord> Sample(IReadOnlyList<IOp> pipeline, ItemSeed seed, ImageInfo input, IReadOnlyList<BoundingBox>? boxes = null)
    {
        var records = new List<OpRecord>();
        var state = new State(input, pipeline.Any(NeedsBoxes) ? [.. boxes ?? []] : null);
        for (var i = 0; i < pipeline.Count; i++)
        {
            VisitOp(pipeline[i], i.ToString(CultureInfo.InvariantCulture), forced: false, seed, state, records);
        }

        return records;
    }

    private static bool NeedsBoxes(IOp op) => op is IBoxAwareOp || (op is ICompositionOp composition && composition.Children.Any(NeedsBoxes));

    private sealed class State(ImageInfo info, List<BoundingBox>? boxes)
    {
        public ImageInfo Info { get; set; } = info;

        /// <summary>The boxes where the sampler stands; null when no op of the pipeline needs them.</summary>
        public List<BoundingBox>? Boxes { get; set; } = boxes;
    }

    // The boxes through one spatial op's step, cut to its output; those with nothing left are gone.
    private static void MoveBoxes(State state, ISpatialOp op, IOpParams parameters)
    {
        if (state.Boxes is not { Count: > 0 } boxes)
        {
            return;
        }

        var run = new SpatialRun(state.Info.Size);
        run.Add(op.Transform(parameters, state.Info));
        try
        {
            var (w, h) = (run.OutputSize.Width, run.OutputSize.Height);
            state.Boxes = BoxGeometry.MapAll(run, boxes, null).Select(b => b.ClipTo(w, h)).Where(b => b.Area > 0).ToList();
        }
        finally
        {
            run.ReleaseFields();
        }
    }

    private static void VisitOp(IOp op, string path, bool forced, ItemSeed seed, State state, List<OpRecord> records)
    {
        var rng = RandomStream.ForOp(seed, path);
        // Drawn even when forced, so that forcing never shifts the op's other draws.
        var applied = rng.Bernoulli(op.Probability) | forced | op is ICompositionOp { AlwaysApplies: true };
        switch (op)
        {
            case ICompositionOp composition:
                {
                    var chosen = applied ? composition.Choose(rng) : [];
                    records.Add(new OpRecord(path, op.Descriptor.Name, applied, new CompositionParams(chosen)));
                    var picks = new Dictionary<int, int>();
                    // The children of a SelectiveChannelTransform see the selected channels only.
                    var outer = state.Info;
                    if (applied && op is SelectiveChannelTransform selective)
                    {
                        state.Info = selective.ChildInput(outer);
                    }

                    foreach (var index in chosen)
                    {
                        // A child keeps its index in the composition's list as its position ("2.1"); a
                        // child chosen again (SomeOf with replace) is "2.1@1", so it draws its own stream.
                        var repeat = picks[index] = picks.GetValueOrDefault(index, -1) + 1;
                        var childPath = $"{path}.{index.ToString(CultureInfo.InvariantCulture)}" +
                                        (repeat == 0 ? string.Empty : "@" + repeat.ToString(CultureInfo.InvariantCulture));
                        VisitOp(composition.Children[index], childPath, composition.ForcesChildren, seed, state, records);
                    }

                    if (op is SelectiveChannelTransform)
                    {
                        state.Info = outer; // its children are pixel ops: the size is unchanged
                    }

                    break;
                }

            case ISampledOp sampled:
                {
                    var parameters = !applied ? null
                        : op is IBoxAwareOp aware ? aware.Sample(rng, state.Info, state.Boxes ?? [])
                        : sampled.Sample(rng, state.Info);
                    records.Add(new OpRecord(path, op.Descriptor.Name, applied, parameters));
                    if (applied && op is ISpatialOp spatial)
                    {
                        MoveBoxes(state, spatial, parameters!);
                        state.Info = state.Info.WithSize(spatial.OutputSize(parameters!, state.Info));
                    }

                    break;
                }

            default:
                throw new InvalidOperationException($"op {op.Descriptor.Name} neither samples nor composes");
        }
    }
}
