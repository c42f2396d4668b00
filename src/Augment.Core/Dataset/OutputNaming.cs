using Augment.Core.Config;

namespace Augment.Core.Dataset;

/// <summary>
/// Names every output file from the templates and checks the names before any work (PRODUCT.md
/// section 10): two files on one name, or a name that leaves the output folder, is a config error at
/// the template.
/// </summary>
public static class OutputNaming
{
    public static IReadOnlyList<OutputItem> Name(AugmentConfig config, IReadOnlyList<SourceItem> sources)
    {
        var reader = new ConfigReader(config.FilePath);
        if (config.Masks.Count > 1 && !config.OutputMasks.Uses("mask"))
        {
            throw reader.Error(ConfigErrorCode.InvalidValue, config.OutputMasks.Mark,
                $"output.masks must use {{mask}} (the mask's index) when inputs.masks lists {config.Masks.Count} templates");
        }

        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var items = new List<OutputItem>(sources.Count * config.Variants);
        foreach (var source in sources)
        {
            var ext = ImageExtension(config.OutputFormat, source.Extension);
            for (var variant = 0; variant < config.Variants; variant++)
            {
                var image = Check(reader, config.OutputImages, new TemplateValues(source.Dir, source.Stem, ext, variant), source, variant, owners);
                var masks = source.Masks.Select((_, m) =>
                    Check(reader, config.OutputMasks, new TemplateValues(source.Dir, source.Stem, ext, variant, m), source, variant, owners)).ToList();
                var labels = config.Labels?.Output is { } template
                    ? Check(reader, template, new TemplateValues(source.Dir, source.Stem, ext, variant), source, variant, owners)
                    : null;
                items.Add(new OutputItem(source, variant, image, masks, labels));
            }
        }

        return items;
    }

    /// <summary>The extension an output image gets: its source's for "same", else its format's.</summary>
    public static string ImageExtension(OutputFormat format, string sourceExtension) => format.Type switch
    {
        "same" => sourceExtension,
        "jpeg" => ".jpg",
        var type => "." + type,
    };

    private static string Check(
        ConfigReader reader, PathTemplate template, TemplateValues values, SourceItem source, int variant, Dictionary<string, string> owners)
    {
        var name = template.Render(values);
        var owner = $"{source.Image} variant {variant}";
        if (name.Length == 0 || name.StartsWith('/') || name.Split('/').Any(part => part is ".." or "." or ""))
        {
            throw reader.Error(ConfigErrorCode.InvalidValue, template.Mark,
                $"'{template.Text}' names '{name}' for {owner}, which is not a path inside the output folder");
        }

        if (!owners.TryAdd(name, owner))
        {
            throw reader.Error(ConfigErrorCode.InvalidValue, template.Mark,
                $"'{template.Text}' gives {owner} and {owners[name]} the same name '{name}'; add {{dir}}, {{ext}} or {{variant}} to tell them apart");
        }

        return name;
    }
}
