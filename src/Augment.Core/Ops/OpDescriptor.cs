using Augment.Core.Ops.Parameters;

namespace Augment.Core.Ops;

/// <summary>
/// What the catalogue knows of an op: its name (Albumentations 2.x's where it exists there), family,
/// parameters with defaults and ranges, and how to make it from bound arguments.
/// </summary>
public sealed class OpDescriptor
{
    public OpDescriptor(string name, OpFamily family, string summary, double defaultP, IReadOnlyList<ParamSpec> parameters, Func<OpDescriptor, OpArguments, IOp> create)
    {
        Name = name;
        Family = family;
        Summary = summary;
        Parameters = [.. parameters, new NumberParam("p", "probability that the op is applied to an item", defaultP, 0, 1)];
        Create = arguments => create(this, arguments);
    }

    public string Name { get; }

    public OpFamily Family { get; }

    public string Summary { get; }

    /// <summary>Every parameter, <c>p</c> last.</summary>
    public IReadOnlyList<ParamSpec> Parameters { get; }

    public Func<OpArguments, IOp> Create { get; }
}
