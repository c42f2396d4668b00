using Augment.Core.Config;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Ops.Parameters;

/// <summary>A float or, with <c>integer</c>, a whole number, within [min, max].</summary>
public sealed class NumberParam : ParamSpec
{
    private readonly double? _default;
    private readonly bool _integer;
    private readonly bool _optional;

    /// <param name="optional">With no default: the parameter may be left out, and its canonical value is null.</param>
    public NumberParam(string name, string description, double? defaultValue, double min, double max, bool integer = false, bool optional = false)
        : base(name, description)
    {
        _default = defaultValue;
        Min = min;
        Max = max;
        _integer = integer;
        _optional = optional;
    }

    public double Min { get; }

    public double Max { get; }

    public override JToken? Default => _default is { } d ? Canonical(d) : _optional ? JValue.CreateNull() : null;

    public override string TypeText => _integer ? "int" : "float";

    public override string RangeText => ConfigReader.RangeText(Min, Max);

    public override JToken Bind(ConfigNode node, ConfigReader reader, string what) =>
        _integer
            ? Canonical(reader.Integer(node, what, (long)Math.Max(Min, long.MinValue), (long)Math.Min(Max, long.MaxValue)))
            : Canonical(reader.Number(node, what, Min, Max));

    private JToken Canonical(double value) => _integer ? new JValue((long)value) : new JValue(value);
}

public sealed class BoolParam : ParamSpec
{
    private readonly bool _default;

    public BoolParam(string name, string description, bool defaultValue) : base(name, description) => _default = defaultValue;

    public override JToken? Default => new JValue(_default);

    public override string TypeText => "bool";

    public override string RangeText => "true or false";

    public override JToken Bind(ConfigNode node, ConfigReader reader, string what) => new JValue(reader.Boolean(node, what));
}
