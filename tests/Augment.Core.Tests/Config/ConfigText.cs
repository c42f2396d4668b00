using Augment.Core.Config;

namespace Augment.Core.Tests.Config;

/// <summary>Config texts built from a minimal valid header, for the tests where positions do not matter.</summary>
internal static class ConfigText
{
    public const string Yaml = "augment.yaml";
    public const string Json = "augment.json";

    /// <summary>A valid YAML config: <paramref name="root"/> lines (each ending in a newline) and one "- op" line per op.</summary>
    public static string YamlConfig(string root, params string[] ops) =>
        "version: 1\nseed: 42\ninputs:\n  images: \"images/*.png\"\n" + root +
        (ops.Length == 0 ? "pipeline: []\n" : "pipeline:\n" + string.Concat(ops.Select(op => $"  - {op}\n")));

    public static string YamlPipeline(params string[] ops) => YamlConfig(string.Empty, ops);

    /// <summary>A valid JSON config: <paramref name="root"/> members (each ending in a comma) and the ops as JSON values.</summary>
    public static string JsonConfig(string root, params string[] ops) =>
        "{\n  \"version\": 1,\n  \"seed\": 42,\n  \"inputs\": { \"images\": \"images/*.png\" },\n" + root +
        "  \"pipeline\": [" + string.Join(",", ops.Select(op => $"\n    {op}")) + (ops.Length == 0 ? "]\n}" : "\n  ]\n}");

    public static string JsonPipeline(params string[] ops) => JsonConfig(string.Empty, ops);

    public static AugmentConfig Parse(string path, string text) => AugmentConfigLoader.Parse(text, path);

    public static string CanonicalYaml(params string[] ops) => Parse(Yaml, YamlPipeline(ops)).CanonicalPipeline;

    public static string CanonicalJson(params string[] ops) => Parse(Json, JsonPipeline(ops)).CanonicalPipeline;
}
