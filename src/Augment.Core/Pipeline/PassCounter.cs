using Augment.Core.Ops;

namespace Augment.Core.Pipeline;

/// <summary>
/// How many resampling passes a pipeline takes at most: every run of spatial ops is one pass, and a
/// pixel or region op between two spatial ops starts a new run. Counted as if every op fired, with
/// composition children taking part in order.
/// </summary>
public static class PassCounter
{
    public static int MostPasses(IReadOnlyList<IOp> pipeline)
    {
        var passes = 0;
        var inRun = false;
        foreach (var op in Flatten(pipeline))
        {
            if (op is ISpatialOp)
            {
                passes += inRun ? 0 : 1;
                inRun = true;
            }
            else
            {
                inRun = false;
            }
        }

        return passes;
    }

    private static IEnumerable<IOp> Flatten(IEnumerable<IOp> ops) =>
        ops.SelectMany(op => op is ICompositionOp composition ? Flatten(composition.Children) : [op]);
}
