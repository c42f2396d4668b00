namespace Augment.Core.Ops;

/// <summary>Every op the config may name, by name.</summary>
public sealed class OpCatalog
{
    private readonly Dictionary<string, OpDescriptor> _byName;

    public OpCatalog(IEnumerable<OpDescriptor> descriptors)
    {
        _byName = descriptors.ToDictionary(d => d.Name, StringComparer.Ordinal);
    }

    /// <summary>The catalogue of this version of Augment.Build.</summary>
    public static OpCatalog Default { get; } = new(BuiltInOps.All);

    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    public IEnumerable<OpDescriptor> Descriptors => Names.Select(n => _byName[n]);

    public OpDescriptor? Find(string name) => _byName.GetValueOrDefault(name);
}
