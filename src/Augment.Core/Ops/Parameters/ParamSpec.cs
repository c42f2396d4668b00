using Augment.Core.Config;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Ops.Parameters;

/// <summary>
/// One parameter of an op: its name (Albumentations 2.x's where the op exists there), what values it
/// takes, and its default. Binding turns a config node into the canonical value that the pipeline
/// hash, the manifest and the op itself use, so writing a default out or leaving it away is the same.
/// </summary>
public abstract class ParamSpec
{
    protected ParamSpec(string name, string description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>The value used when the config leaves the parameter out; null when it is required.</summary>
    public abstract JToken? Default { get; }

    /// <summary>How `dotnet augment ops` shows the type ("float", "[float, float]", ...).</summary>
    public abstract string TypeText { get; }

    /// <summary>The valid values, for `ops` and for errors.</summary>
    public abstract string RangeText { get; }

    public abstract JToken Bind(ConfigNode node, ConfigReader reader, string what);
}
