using Augment.Core.Imaging;
using Augment.Core.Ops;

namespace Augment.Core.Config;

/// <summary>
/// Reads augment.yaml or augment.json into an <see cref="AugmentConfig"/>. Every error is a
/// <see cref="ConfigException"/> with file, line and column; unknown keys are errors.
/// </summary>
public static class AugmentConfigLoader
{
    public const int SchemaVersion = 1;

    private static readonly string[] RootKeys = ["version", "seed", "inputs", "variants", "output", "masks", "limits", "pipeline", "bbox_params", "keypoint_params"];

    public static AugmentConfig Load(string path, OpCatalog? catalog = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(ConfigErrorCode.Unreadable, path, new SourceMark(1, 1), $"cannot read the config: {e.Message}", e);
        }

        return Parse(text, path, catalog);
    }

    /// <summary>Parses config text; <paramref name="path"/> names it in errors and picks YAML or JSON by extension.</summary>
    public static AugmentConfig Parse(string text, string path, OpCatalog? catalog = null)
    {
        var node = Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? JsonNodeReader.Read(text, path)
            : YamlNodeReader.Read(text, path);
        var reader = new ConfigReader(path);
        if (node is null)
        {
            throw reader.Error(ConfigErrorCode.MissingKey, new SourceMark(1, 1), "the config is empty; it needs at least version, seed, inputs and pipeline");
        }

        var root = reader.Mapping(node, "the config", RootKeys);
        var version = reader.Integer(root.Required("version"), "version");
        if (version != SchemaVersion)
        {
            throw reader.Error(ConfigErrorCode.OutOfRange, root.Required("version"), $"version is {version}; this Augment.Build reads version {SchemaVersion}");
        }

        var inputs = reader.Mapping(root.Required("inputs"), "inputs", ["images", "masks", "labels", "coco", "missing_labels"]);
        var output = root.Optional("output") is { } outputNode ? reader.Mapping(outputNode, "output", ["dir", "images", "masks", "labels", "coco", "format"]) : null;
        var masks = root.Optional("masks") is { } masksNode ? reader.Mapping(masksNode, "masks", ["fill"]) : null;
        var limits = root.Optional("limits") is { } limitsNode ? reader.Mapping(limitsNode, "limits", ["max_pixels"]) : null;

        return new AugmentConfig
        {
            FilePath = path,
            Version = (int)version,
            Seed = reader.UnsignedInteger(root.Required("seed"), "seed"),
            Images = GlobList(reader, inputs.Required("images")),
            Masks = inputs.Optional("masks") is { } m ? TemplateList(reader, m, "inputs.masks") : [],
            Variants = root.Optional("variants") is { } v ? (int)reader.Integer(v, "variants", 1, 100_000) : 1,
            OutputDir = output?.Optional("dir") is { } dir ? reader.Text(dir, "output.dir") : "out",
            OutputImages = Template(reader, output?.Optional("images"), "output.images", "images/{dir}/{stem}_{variant:000}{ext}"),
            OutputMasks = Template(reader, output?.Optional("masks"), "output.masks", "masks/{dir}/{stem}_{variant:000}.png"),
            OutputFormat = output?.Optional("format") is { } format ? ReadFormat(reader, format) : OutputFormat.Same,
            MaskFill = masks?.Optional("fill") is { } fill ? (int)reader.Integer(fill, "masks.fill", 0, 65535) : 0,
            Labels = LabelSettings.Read(reader, root, inputs, output),
            Limits = limits?.Optional("max_pixels") is { } max ? new ImageLimits(reader.Integer(max, "limits.max_pixels", 1)) : ImageLimits.Default,
            Pipeline = PipelineBinder.Bind(root.Required("pipeline"), reader, catalog ?? OpCatalog.Default),
        };
    }

    private static void RejectUnless(ConfigReader reader, MappingReader mapping, string key, bool applies, string type)
    {
        if (!applies && mapping.Optional(key) is not null)
        {
            throw reader.Error(ConfigErrorCode.UnknownKey, mapping.Node.Entries.First(e => e.Key.Text == key).Key,
                $"output.format.{key} does not apply to {type} (quality: jpeg, webp; lossless: webp; compression: png, tiff)");
        }
    }

    // Each glob is checked here, where its line and column are known (a glob that leaves the config's
    // folder is a config error, not a failure of the build that scans it).
    private static IReadOnlyList<string> GlobList(ConfigReader reader, ConfigNode node)
    {
        var globs = reader.TextList(node, "inputs.images");
        for (var i = 0; i < globs.Count; i++)
        {
            try
            {
                _ = new Dataset.Glob(globs[i]);
            }
            catch (ArgumentException e)
            {
                throw reader.Error(ConfigErrorCode.InvalidValue, node is SequenceNode s ? s.Items[i] : node, $"inputs.images: {e.Message}");
            }
        }

        return globs;
    }

    private static IReadOnlyList<PathTemplate> TemplateList(ConfigReader reader, ConfigNode node, string what) =>
        reader.TextList(node, what).Select((text, i) => Check(reader, node is SequenceNode s ? s.Items[i] : node, text, what)).ToList();

    private static PathTemplate Template(ConfigReader reader, ConfigNode? node, string what, string fallback) =>
        node is null ? PathTemplate.Parse(fallback, out _) : Check(reader, node, reader.Text(node, what), what);

    /// <summary>A template parsed at its place in the config, or the config error of what is wrong with it.</summary>
    internal static PathTemplate Check(ConfigReader reader, ConfigNode node, string text, string what)
    {
        var template = PathTemplate.Parse(text, out var error);
        return error is null ? template.At(node.Mark) : throw reader.Error(ConfigErrorCode.InvalidValue, node, $"{what}: {error}");
    }

    // format: jpeg, or format: { type: jpeg, quality: 90 }
    private static OutputFormat ReadFormat(ConfigReader reader, ConfigNode node)
    {
        if (node is ScalarNode)
        {
            return OutputFormat.Same with { Type = reader.Choice(node, "output.format", OutputFormat.Types) };
        }

        var mapping = reader.Mapping(node, "output.format", ["type", "quality", "lossless", "compression"]);
        var type = reader.Choice(mapping.Required("type"), "output.format.type", OutputFormat.Types);
        // A setting the chosen format does not have is an error, as an unknown key is.
        RejectUnless(reader, mapping, "quality", type is "jpeg" or "webp", type);
        RejectUnless(reader, mapping, "lossless", type == "webp", type);
        RejectUnless(reader, mapping, "compression", type is "png" or "tiff", type);
        var quality = mapping.Optional("quality") is { } q ? (int?)reader.Integer(q, "output.format.quality", 1, 100) : null;
        var lossless = mapping.Optional("lossless") is { } l && reader.Boolean(l, "output.format.lossless");
        int? png = null;
        var imwrite = false;
        TiffCompression? tiff = null;
        if (mapping.Optional("compression") is { } c)
        {
            if (type == "tiff")
            {
                tiff = Enum.Parse<TiffCompression>(reader.Choice(c, "output.format.compression", ["none", "lzw", "deflate"]), ignoreCase: true);
            }
            else if (c is ScalarNode { Kind: ScalarKind.String } word)
            {
                // OpenCV's default path, as cv2.imwrite writes PNG given no parameters
                imwrite = word.Text == "imwrite" ? true : throw reader.Error(
                    ConfigErrorCode.InvalidValue, c, $"output.format.compression is {c.Describe()}; for png it is a zlib level 0-9, or imwrite (as cv2.imwrite writes PNG)");
            }
            else
            {
                png = (int)reader.Integer(c, "output.format.compression (the PNG zlib level, or imwrite)", 0, 9);
            }
        }

        return new OutputFormat(type, quality, lossless, png, tiff, imwrite);
    }
}
