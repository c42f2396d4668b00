using Augment.Core.Config;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Ops.Parameters;

/// <summary>
/// One of a set of named values. Where Albumentations takes an OpenCV constant (interpolation=1,
/// border_mode=0), the number is accepted too, so a ported pipeline works as written; the canonical
/// value is the name.
/// </summary>
public sealed class ChoiceParam : ParamSpec
{
    private readonly string _default;
    private readonly IReadOnlyList<(string Name, int? Code)> _choices;

    public ChoiceParam(string name, string description, string defaultValue, IReadOnlyList<(string Name, int? Code)> choices)
        : base(name, description)
    {
        _default = defaultValue;
        _choices = choices;
    }

    public override JToken? Default => new JValue(_default);

    /// <summary>The valid names, in the catalogue's order.</summary>
    public IReadOnlyList<string> Names => [.. _choices.Select(c => c.Name)];

    /// <summary>The OpenCV constant Albumentations takes for <paramref name="name"/>, or null when the choice has none.</summary>
    public int? CodeOf(string name) => _choices.FirstOrDefault(c => c.Name == name).Code;

    public override string TypeText => "string";

    public override string RangeText => string.Join(", ", _choices.Select(c => c.Code is { } code ? $"{c.Name} ({code})" : c.Name));

    public override JToken Bind(ConfigNode node, ConfigReader reader, string what)
    {
        if (node is ScalarNode { Kind: ScalarKind.Number } number &&
            int.TryParse(number.Text, out var code) && _choices.FirstOrDefault(c => c.Code == code).Name is { } coded)
        {
            return new JValue(coded);
        }

        return new JValue(reader.Choice(node, what, _choices.Select(c => c.Name).ToList()));
    }
}
