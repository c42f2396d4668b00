using Augment.Core.Config;
using Augment.Core.Ops;
using Augment.Core.Ops.Parameters;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Albumentations;

/// <summary>One op of an imported pipeline: where it was in the file, the parameters the file gave (their canonical values here), its children.</summary>
public sealed record ImportedOp(string Name, string Path, JObject Params, IReadOnlyList<ImportedOp> Children, IOp Bound);

/// <summary>What was read from a saved Albumentations pipeline; <see cref="AlbumentationsYaml"/> writes it as augment.yaml.</summary>
public sealed record AlbumentationsImport(string SourcePath, string? Version, IReadOnlyList<ImportedOp> Pipeline, IReadOnlyList<string> LeftOut, JObject? BboxParams, JObject? KeypointParams);

/// <summary>
/// Reads what <c>A.save</c> / <c>A.to_dict</c> write (docs/albumentations.md): JSON or YAML, from
/// 2.x and from 1.4.x, <c>__class_fullname__</c> short or with its module path, nested
/// compositions, <c>bbox_params</c> and <c>keypoint_params</c>. Each op is bound as a config's op
/// is, so what is imported is valid here, with every error at its line, column and JSON path.
/// Training-time transforms (Normalize, ToTensorV2, ToFloat) are left out with a note; an op or a
/// parameter this tool does not have is an error, or a note under <c>lenient</c>.
/// </summary>
public static class AlbumentationsImporter
{
    private static readonly HashSet<string> Pipelines = new(StringComparer.Ordinal) { "Compose", "ReplayCompose" };

    public static AlbumentationsImport Load(string path, bool lenient, OpCatalog? catalog = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(ConfigErrorCode.Unreadable, path, new SourceMark(1, 1), $"cannot read the Albumentations file: {e.Message}", e);
        }

        return Parse(text, path, lenient, catalog);
    }

    /// <summary>Parses the text of a saved pipeline; JSON when it starts with '{', else YAML.</summary>
    public static AlbumentationsImport Parse(string text, string path, bool lenient, OpCatalog? catalog = null)
    {
        var reader = new ConfigReader(path);
        var node = text.TrimStart().StartsWith('{') ? JsonNodeReader.Read(text, path) : YamlNodeReader.Read(text, path);
        if (node is not MappingNode document)
        {
            throw reader.Error(ConfigErrorCode.WrongType, node?.Mark ?? new SourceMark(1, 1), "an Albumentations file holds a mapping with __version__ and transform (what A.save writes)");
        }

        var version = document["__version__"] is ScalarNode v ? v.Text : null;
        var context = new Context(reader, catalog ?? OpCatalog.Default, lenient, version?.StartsWith("1.", StringComparison.Ordinal) == true);
        var (root, rootPath) = document["transform"] is { } t ? (t, "transform") : (document, "$");
        if (root is not MappingNode transform)
        {
            throw reader.Error(ConfigErrorCode.WrongType, root, $"{rootPath} must be a transform (a mapping with __class_fullname__), not {root.Describe()}");
        }

        var name = ClassName(context, transform, rootPath);
        List<ImportedOp> pipeline;
        JObject? boxes = null, keypoints = null;
        if (Pipelines.Contains(name))
        {
            pipeline = Children(context, transform, rootPath);
            boxes = Labels(context, transform["bbox_params"], $"{rootPath}.bbox_params", BoxKeys, ["yolo", "pascal_voc", "coco"]);
            keypoints = Labels(context, transform["keypoint_params"], $"{rootPath}.keypoint_params", KeypointKeys, ["xy"]);
            if (AlbumentationsRenames.Probability(transform) is ScalarNode { Kind: ScalarKind.Number } p && reader.Number(p, $"{rootPath}.p", 0, 1) < 1)
            {
                // A pipeline applied to only some items: the ops in a Sequential with that p.
                var sequential = Bind(context, "Sequential", rootPath, [("p", p)], pipeline, transform);
                pipeline = [sequential];
            }
        }
        else
        {
            pipeline = Transform(context, transform, rootPath) is { } single ? [single] : [];
        }

        if (pipeline.Count == 0)
        {
            throw reader.Error(ConfigErrorCode.InvalidValue, transform, $"{rootPath} holds no op that can be imported");
        }

        return new AlbumentationsImport(path, version, pipeline, context.LeftOut, boxes, keypoints);
    }

    private static readonly Dictionary<string, Func<ConfigNode, bool>?> BoxKeys = new(StringComparer.Ordinal)
    {
        ["format"] = null, ["label_fields"] = null, ["min_area"] = null, ["min_visibility"] = null, ["min_width"] = null, ["min_height"] = null,
        ["clip"] = null, ["filter_invalid_bboxes"] = null,
        ["check_each_transform"] = v => v is ScalarNode { Text: "true" }, // boxes are checked after every run here
        ["max_accept_ratio"] = v => v is ScalarNode { Kind: ScalarKind.Null },
    };

    private static readonly Dictionary<string, Func<ConfigNode, bool>?> KeypointKeys = new(StringComparer.Ordinal)
    {
        ["format"] = null, ["label_fields"] = null, ["remove_invisible"] = null, ["angle_in_degrees"] = null,
        ["check_each_transform"] = v => v is ScalarNode { Text: "true" },
    };

    private sealed class Context(ConfigReader reader, OpCatalog catalog, bool lenient, bool legacy)
    {
        public ConfigReader Reader { get; } = reader;

        /// <summary>A 1.x file, whose SomeOf forces the children it chose.</summary>
        public bool Legacy { get; } = legacy;

        public OpCatalog Catalog { get; } = catalog;

        public bool Lenient { get; } = lenient;

        public List<string> LeftOut { get; } = [];

        public Exception Error(string code, ConfigNode node, string path, string problem) => Reader.Error(code, node, $"{path}: {problem}");

        // An error, or under lenient a note of what was left out.
        public void Refuse(string code, ConfigNode node, string path, string problem)
        {
            if (!Lenient)
            {
                throw Error(code, node, path, problem);
            }

            LeftOut.Add($"{path}: {problem}");
        }
    }

    private static string ClassName(Context context, MappingNode transform, string path) =>
        transform["__class_fullname__"] is ScalarNode { Kind: ScalarKind.String } full
            ? full.Text[(full.Text.LastIndexOf('.') + 1)..]
            : throw context.Error(ConfigErrorCode.MissingKey, transform, path, "a transform needs __class_fullname__ (what A.to_dict writes)");

    private static List<ImportedOp> Children(Context context, MappingNode composition, string path, bool forced = false)
    {
        if (composition["transforms"] is not SequenceNode list)
        {
            throw context.Error(ConfigErrorCode.MissingKey, composition, path, "a composition needs transforms, a list");
        }

        var children = new List<ImportedOp>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var childPath = $"{path}.transforms[{i}]";
            if (list.Items[i] is not MappingNode child)
            {
                throw context.Error(ConfigErrorCode.WrongType, list.Items[i], childPath, $"a transform is a mapping with __class_fullname__, not {list.Items[i].Describe()}");
            }

            if (Transform(context, child, childPath, forced) is { } op)
            {
                children.Add(op);
            }
        }

        return children;
    }

    // forced: the child of a 1.x SomeOf, which runs whenever it is chosen (p: 1 here).
    private static ImportedOp? Transform(Context context, MappingNode transform, string path, bool forced = false)
    {
        var name = ClassName(context, transform, path);
        if (AlbumentationsCatalogue.LeftOutOfImports(name))
        {
            context.LeftOut.Add($"{path}: {name} is {AlbumentationsCatalogue.LeftOut[name]}");
            return null;
        }

        var descriptor = context.Catalog.Find(name);
        if (descriptor is null)
        {
            context.Refuse(ConfigErrorCode.UnknownOp, transform["__class_fullname__"]!, path, AlbumentationsCatalogue.Fate(name) ??
                $"{name} is not an op of Augment.Build{Suggestions.DidYouMean(name, context.Catalog.Names)} (`dotnet augment ops` lists them)");
            return null;
        }

        var legacySomeOf = context.Legacy && name == "SomeOf" && LegacySomeOf(context, transform, path);
        var children = descriptor.Parameters.Any(p => p is OpsParam) ? Children(context, transform, path, legacySomeOf) : [];
        if (descriptor.Parameters.Any(p => p is OpsParam) && children.Count == 0)
        {
            context.Refuse(ConfigErrorCode.InvalidValue, transform, path, $"{name} holds no op that can be imported");
            return null;
        }

        var known = descriptor.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var given = new List<(string Key, ConfigNode Value)>();
        foreach (var (key, value) in AlbumentationsRenames.Apply(name, transform.Entries, (node, problem) => context.Error(ConfigErrorCode.InvalidValue, node, path, problem)))
        {
            if (known.Contains(key))
            {
                given.Add((key, value));
            }
            else
            {
                context.Refuse(ConfigErrorCode.UnknownKey, value, $"{path}.{key}",
                    $"{name} here has no parameter {key} (its parameters: {string.Join(", ", known.Where(k => k != "transforms"))})");
            }
        }

        if (forced)
        {
            given.Add(("p", new ScalarNode(transform.Mark, "1", ScalarKind.Number)));
        }
        else if (AlbumentationsRenames.Probability(transform) is { } p && p is not ScalarNode { Kind: ScalarKind.Null })
        {
            given.Add(("p", p));
        }

        return Bind(context, name, path, given, children, transform);
    }

    // 1.x's SomeOf chose its children weighted by their p and then ran them whatever their p; 2.x's,
    // which SomeOf here is, chooses uniformly and lets each child draw its p. With equal p the 1.x
    // choice is uniform too, so the children import with p: 1. Unequal ones have no equivalent.
    private static bool LegacySomeOf(Context context, MappingNode someOf, string path)
    {
        if (someOf["transforms"] is not SequenceNode list)
        {
            return false;
        }

        var ps = list.Items.OfType<MappingNode>().Select(c => AlbumentationsRenames.Probability(c) is ScalarNode { Kind: ScalarKind.Number } p ? p.Text : "unset").Distinct().ToList();
        if (ps.Count > 1)
        {
            context.Refuse(ConfigErrorCode.InvalidValue, someOf, path,
                $"SomeOf in Albumentations 1.x chooses its transforms weighted by their p ({string.Join(", ", ps)}) and runs them whatever their p; SomeOf here chooses uniformly, as 2.x does, so only equal p carry over");
            return false;
        }

        return true;
    }

    // Binds the op as a config's pipeline entry would be, so that it is valid here; errors name the JSON path.
    private static ImportedOp Bind(Context context, string name, string path, IReadOnlyList<(string Key, ConfigNode Value)> given, IReadOnlyList<ImportedOp> children, ConfigNode at)
    {
        var entries = given.Select(g => new MappingEntry(new ScalarNode(g.Value.Mark, g.Key, ScalarKind.String), g.Value)).ToList();
        if (children.Count > 0)
        {
            entries.Add(new MappingEntry(new ScalarNode(at.Mark, "transforms", ScalarKind.String), new SequenceNode(at.Mark, [.. children.Select(c => Entry(c, at.Mark))])));
        }

        var item = new MappingNode(at.Mark, [new MappingEntry(new ScalarNode(at.Mark, name, ScalarKind.String), new MappingNode(at.Mark, entries))]);
        IOp bound;
        try
        {
            bound = PipelineBinder.Bind(new SequenceNode(at.Mark, [item]), context.Reader, context.Catalog)[0];
        }
        catch (ConfigException e)
        {
            throw new ConfigException(e.Code, e.FilePath, e.Mark, $"{path} ({name}): {e.Problem}", e);
        }

        var values = new JObject();
        foreach (var (key, _) in given)
        {
            values[key] = bound.Arguments.Canonical[key]!.DeepClone();
        }

        return new ImportedOp(name, path, values, children, bound);
    }

    // An imported op as a pipeline entry again (its canonical values), for its parent's binding.
    private static MappingNode Entry(ImportedOp op, SourceMark mark)
    {
        var entries = op.Params.Properties().Select(p => new MappingEntry(new ScalarNode(mark, p.Name, ScalarKind.String), ConfigNodes.FromToken(p.Value, mark))).ToList();
        if (op.Children.Count > 0)
        {
            entries.Add(new MappingEntry(new ScalarNode(mark, "transforms", ScalarKind.String), new SequenceNode(mark, [.. op.Children.Select(c => Entry(c, mark))])));
        }

        return new MappingNode(mark, [new MappingEntry(new ScalarNode(mark, op.Name, ScalarKind.String), new MappingNode(mark, entries))]);
    }

    private static JObject? Labels(Context context, ConfigNode? node, string path, Dictionary<string, Func<ConfigNode, bool>?> keys, IReadOnlyList<string> formats)
    {
        if (node is null or ScalarNode { Kind: ScalarKind.Null })
        {
            return null;
        }

        if (node is not MappingNode mapping)
        {
            throw context.Error(ConfigErrorCode.WrongType, node, path, $"must be a mapping, not {node.Describe()}");
        }

        var result = new JObject();
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Text;
            if (key.StartsWith("__", StringComparison.Ordinal))
            {
                continue; // __class_fullname__ of BboxParams in old files
            }

            if (!keys.TryGetValue(key, out var harmless))
            {
                context.Refuse(ConfigErrorCode.UnknownKey, entry.Key, $"{path}.{key}", $"no equivalent here (valid: {string.Join(", ", keys.Keys)})");
            }
            else if (harmless is not null)
            {
                if (!harmless(entry.Value))
                {
                    context.Refuse(ConfigErrorCode.InvalidValue, entry.Value, $"{path}.{key}", $"{ConfigNodes.ToToken(entry.Value)} has no equivalent here");
                }
            }
            else if (entry.Value is not ScalarNode { Kind: ScalarKind.Null })
            {
                result[key] = ConfigNodes.ToToken(entry.Value);
            }
        }

        if (result["format"] is { } format && !formats.Contains(format.ToString()))
        {
            throw context.Error(ConfigErrorCode.InvalidValue, mapping["format"]!, $"{path}.format", $"{format} has no equivalent here (valid: {string.Join(", ", formats)})");
        }

        return result;
    }
}
