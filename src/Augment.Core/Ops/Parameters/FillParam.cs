using Augment.Core.Config;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Ops.Parameters;

/// <summary>A fill value: one number for every channel, or one per channel in R, G, B(, A) order, as Albumentations takes it.</summary>
public sealed class FillParam : ParamSpec
{
    private readonly double _default;

    public FillParam(string name, string description, double defaultValue = 0) : base(name, description) => _default = defaultValue;

    public override JToken? Default => new JArray(_default);

    public override string TypeText => "float or [float, ...] per channel";

    public override string RangeText => "at least 0, up to 4 values";

    public override JToken Bind(ConfigNode node, ConfigReader reader, string what) => node switch
    {
        SequenceNode { Items.Count: >= 1 and <= 4 } list => new JArray(list.Items.Select((n, i) => (object)reader.Number(n, $"{what}[{i}]", 0)).ToArray()),
        SequenceNode => throw reader.Error(ConfigErrorCode.InvalidValue, node, $"{what} must have 1 to 4 values"),
        _ => new JArray(reader.Number(node, what, 0)),
    };
}
