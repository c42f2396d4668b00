using System.Globalization;
using Augment.Core.Ops;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Augment.Core.Pipeline;

/// <summary>
/// The manifest's form of an op record, <c>{"path", "op", "applied", "params"}</c> with snake_case
/// parameter names, and back. Doubles are written in their shortest round-trip form, so a record
/// read back renders the same bytes.
/// </summary>
public static class OpRecordJson
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() },
        Culture = CultureInfo.InvariantCulture,
        FloatParseHandling = FloatParseHandling.Double,
    });

    public static JObject ToJson(OpRecord record) => new()
    {
        ["path"] = record.Path,
        ["op"] = record.Op,
        ["applied"] = record.Applied,
        ["params"] = record.Params is null ? new JObject() : JObject.FromObject(record.Params, Serializer),
    };

    /// <summary>Reads a record back; the pipeline tells which parameter type each op's record has.</summary>
    public static OpRecord FromJson(JObject json, IReadOnlyList<IOp> pipeline)
    {
        var path = json.Value<string>("path") ?? throw new FormatException("an op record needs a path");
        var op = OpPaths.Find(OpPaths.Index(pipeline), path) ?? throw new FormatException($"the pipeline has no op at {path}");
        var name = json.Value<string>("op");
        if (name != op.Descriptor.Name)
        {
            throw new FormatException($"the record names {name} at {path} but the pipeline has {op.Descriptor.Name} there");
        }

        var applied = json.Value<bool>("applied");
        var type = op switch
        {
            ICompositionOp => typeof(CompositionParams),
            ISampledOp sampled => sampled.ParamsType,
            _ => throw new FormatException($"{name} records no parameters"),
        };
        var parameters = applied || op is ICompositionOp
            ? (IOpParams?)((JObject?)json["params"] ?? []).ToObject(type, Serializer)
            : null;
        return new OpRecord(path, op.Descriptor.Name, applied, parameters);
    }
}
