using Augment.Core.Config;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Ops.Parameters;

/// <summary>What a single number means where a range is expected, as in Albumentations.</summary>
public enum ScalarRange
{
    /// <summary>A pair is required.</summary>
    NotAllowed,

    /// <summary>x means [-x, x] (Rotate's limit, brightness_limit).</summary>
    Symmetric,

    /// <summary>x means [x, x]: always that value (Affine's rotate).</summary>
    Fixed,

    /// <summary>x means [1, x] (CLAHE's clip_limit).</summary>
    OneTo,

    /// <summary>x means [max(0, 1 - x), 1 + x]: a factor around 1 (ColorJitter's brightness).</summary>
    AroundOne,
}

/// <summary>A range [low, high] a value is sampled from, each end within [min, max].</summary>
public sealed class RangeParam : ParamSpec
{
    private readonly (double Low, double High)? _default;
    private readonly ScalarRange _scalar;
    private readonly bool _integer;
    private readonly bool _ordered;

    /// <param name="ordered">False for a pair that is not a range ([height, width]): any order is valid.</param>
    public RangeParam(
        string name, string description, (double Low, double High)? defaultValue, double min, double max,
        ScalarRange scalar = ScalarRange.NotAllowed, bool integer = false, bool ordered = true)
        : base(name, description)
    {
        _default = defaultValue;
        Min = min;
        Max = max;
        _scalar = scalar;
        _integer = integer;
        _ordered = ordered;
    }

    public double Min { get; }

    public double Max { get; }

    public override JToken? Default => _default is { } d ? Canonical(d.Low, d.High) : null;

    public override string TypeText => (_integer ? "[int, int]" : "[float, float]") + _scalar switch
    {
        ScalarRange.Symmetric => " or x for [-x, x]",
        ScalarRange.Fixed => " or x for [x, x]",
        ScalarRange.OneTo => " or x for [1, x]",
        ScalarRange.AroundOne => " or x for [1 - x, 1 + x]",
        _ => string.Empty,
    };

    public override string RangeText => _ordered ? $"each end {ConfigReader.RangeText(Min, Max)}, low <= high" : $"each {ConfigReader.RangeText(Min, Max)}";

    public override JToken Bind(ConfigNode node, ConfigReader reader, string what)
    {
        double low, high;
        if (node is SequenceNode { Items.Count: 2 } pair)
        {
            low = ReadEnd(pair.Items[0], reader, $"{what}[0]");
            high = ReadEnd(pair.Items[1], reader, $"{what}[1]");
            if (_ordered && low > high)
            {
                throw reader.Error(ConfigErrorCode.InvalidValue, node, $"{what} is [{ConfigReader.Format(low)}, {ConfigReader.Format(high)}]; low must not exceed high");
            }
        }
        else if (node is ScalarNode && _scalar != ScalarRange.NotAllowed)
        {
            var x = _integer ? reader.Integer(node, what) : reader.Number(node, what);
            (low, high) = _scalar switch
            {
                ScalarRange.Symmetric => (-Math.Abs(x), Math.Abs(x)),
                ScalarRange.OneTo => (Math.Min(1, x), Math.Max(1, x)),
                ScalarRange.AroundOne => (Math.Max(0, 1 - x), 1 + x),
                _ => (x, x),
            };
            if (low < Min || high > Max)
            {
                var meaning = _scalar == ScalarRange.Symmetric ? $" (meaning [{ConfigReader.Format(low)}, {ConfigReader.Format(high)}])" : string.Empty;
                throw reader.Error(ConfigErrorCode.OutOfRange, node,
                    $"{what} is {ConfigReader.Format(x)}{meaning}; each end must be {ConfigReader.RangeText(Min, Max)}");
            }
        }
        else
        {
            var accepted = _scalar == ScalarRange.NotAllowed ? "a list [low, high]" : "a number or a list [low, high]";
            throw reader.Error(ConfigErrorCode.WrongType, node, $"{what} must be {accepted}, not {node.Describe()}");
        }

        return Canonical(low, high);
    }

    private double ReadEnd(ConfigNode node, ConfigReader reader, string what) =>
        _integer ? reader.Integer(node, what, (long)Math.Max(Min, long.MinValue), (long)Math.Min(Max, long.MaxValue)) : reader.Number(node, what, Min, Max);

    // -0 is 0: a symmetric limit of 0 and [0, 0] are one meaning with one canonical form.
    private JArray Canonical(double low, double high) =>
        _integer ? new JArray((long)low, (long)high) : new JArray(low == 0 ? 0.0 : low, high == 0 ? 0.0 : high);
}
