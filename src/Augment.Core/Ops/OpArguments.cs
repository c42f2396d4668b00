using Newtonsoft.Json.Linq;

namespace Augment.Core.Ops;

/// <summary>
/// An op's arguments with every default resolved, in canonical form: the pipeline hash and the
/// manifest use <see cref="Canonical"/>; the op reads typed values.
/// </summary>
public sealed class OpArguments
{
    public OpArguments(JObject canonical, IReadOnlyDictionary<string, IReadOnlyList<IOp>>? children = null)
    {
        Canonical = canonical;
        Children = children ?? new Dictionary<string, IReadOnlyList<IOp>>();
    }

    /// <summary>Every parameter by name, keys in ordinal order.</summary>
    public JObject Canonical { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<IOp>> Children { get; }

    public double Number(string name) => Value(name).Value<double>();

    public int Integer(string name) => Value(name).Value<int>();

    /// <summary>An optional parameter's value, or null when it was left out.</summary>
    public int? OptionalInteger(string name) => Value(name).Type == JTokenType.Null ? null : Value(name).Value<int>();

    public bool Boolean(string name) => Value(name).Value<bool>();

    public string Text(string name) => Value(name).Value<string>()!;

    public (double Low, double High) Range(string name)
    {
        var pair = (JArray)Value(name);
        return (pair[0].Value<double>(), pair[1].Value<double>());
    }

    public double[] Numbers(string name) => ((JArray)Value(name)).Select(v => v.Value<double>()).ToArray();

    private JToken Value(string name) =>
        Canonical[name] ?? throw new InvalidOperationException($"op has no parameter '{name}'");
}
