using System.Globalization;
using Augment.Core.Ops;

namespace Augment.Core.Pipeline;

/// <summary>
/// Ops by their position in a pipeline ("2", "2.1" for a composition's child), as records name them.
/// A repeat mark ("2.1@1", a child chosen a second time) names the same op.
/// </summary>
public static class OpPaths
{
    public static IReadOnlyDictionary<string, IOp> Index(IReadOnlyList<IOp> pipeline)
    {
        var index = new Dictionary<string, IOp>(StringComparer.Ordinal);
        void Add(IReadOnlyList<IOp> ops, string prefix)
        {
            for (var i = 0; i < ops.Count; i++)
            {
                var path = prefix + i.ToString(CultureInfo.InvariantCulture);
                index[path] = ops[i];
                if (ops[i] is ICompositionOp composition)
                {
                    Add(composition.Children, path + ".");
                }
            }
        }

        Add(pipeline, string.Empty);
        return index;
    }

    /// <summary>The op a record's path names, or null.</summary>
    public static IOp? Find(IReadOnlyDictionary<string, IOp> index, string path) =>
        index.GetValueOrDefault(OpRecord.OpPosition(path));
}
