using Augment.Core.Config;
using Augment.Core.Ops.Parameters;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Ops;

/// <summary>
/// Binds the config's <c>pipeline</c> (a list of <c>- OpName: { params }</c> entries) to validated
/// ops, resolving every default, so that the canonical form is the same whether a default was
/// written out or left away.
/// </summary>
public static class PipelineBinder
{
    public static IReadOnlyList<IOp> Bind(ConfigNode node, ConfigReader reader, OpCatalog catalog, string what = "pipeline")
    {
        if (node is not SequenceNode list)
        {
            throw reader.Error(ConfigErrorCode.WrongType, node, $"{what} must be a list of ops, not {node.Describe()}");
        }

        return list.Items.Select(item => BindOp(item, reader, catalog)).ToList();
    }

    /// <summary>The canonical form of an op: <c>{"op": name, "params": {...}}</c>, children included.</summary>
    public static JObject Canonical(IOp op) => new()
    {
        ["op"] = op.Descriptor.Name,
        ["params"] = op.Arguments.Canonical,
    };

    /// <summary>The canonical form of a pipeline: a JSON array in order, compact, for hashing.</summary>
    public static string CanonicalText(IEnumerable<IOp> ops) =>
        new JArray(ops.Select(Canonical)).ToString(Newtonsoft.Json.Formatting.None);

    private static IOp BindOp(ConfigNode item, ConfigReader reader, OpCatalog catalog)
    {
        var (nameNode, paramsNode) = item switch
        {
            ScalarNode { Kind: ScalarKind.String } name => (name, (ConfigNode?)null),
            MappingNode { Entries.Count: 1 } single => (single.Entries[0].Key, single.Entries[0].Value),
            _ => throw reader.Error(ConfigErrorCode.WrongType, item,
                $"a pipeline entry must be one op, written '- OpName: {{ param: value }}', not {item.Describe()}"),
        };

        var descriptor = catalog.Find(nameNode.Text) ?? throw reader.Error(ConfigErrorCode.UnknownOp, nameNode,
            $"unknown op '{nameNode.Text}'{Suggestions.DidYouMean(nameNode.Text, catalog.Names)} (`dotnet augment ops` lists them)");

        var empty = new MappingNode(nameNode.Mark, []);
        var values = paramsNode is null or ScalarNode { Kind: ScalarKind.Null } ? empty : paramsNode;
        var mapping = reader.Mapping(values, descriptor.Name, descriptor.Parameters.Select(p => p.Name).ToList());

        var canonical = new JObject();
        var children = new Dictionary<string, IReadOnlyList<IOp>>();
        foreach (var parameter in descriptor.Parameters.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var given = mapping.Optional(parameter.Name);
            var what = $"{descriptor.Name}.{parameter.Name}";
            if (parameter is OpsParam)
            {
                var childNode = given ?? throw reader.Error(ConfigErrorCode.MissingKey, nameNode, $"{descriptor.Name} needs '{parameter.Name}', a list of ops");
                var childOps = Bind(childNode, reader, catalog, what);
                if (childOps.Count == 0)
                {
                    throw reader.Error(ConfigErrorCode.InvalidValue, childNode, $"{what} must list at least one op");
                }

                children[parameter.Name] = childOps;
                canonical[parameter.Name] = new JArray(childOps.Select(Canonical));
            }
            else
            {
                canonical[parameter.Name] = given is null
                    ? parameter.Default ?? throw reader.Error(ConfigErrorCode.MissingKey, nameNode, $"{descriptor.Name} needs the parameter '{parameter.Name}' ({parameter.TypeText})")
                    : parameter.Bind(given, reader, what);
            }
        }

        try
        {
            return descriptor.Create(new OpArguments(canonical, children));
        }
        catch (OpArgumentException e)
        {
            var at = (ConfigNode?)mapping.Optional(e.Parameter) ?? nameNode;
            throw reader.Error(ConfigErrorCode.InvalidValue, at, $"{descriptor.Name}: {e.Message}");
        }
    }
}
