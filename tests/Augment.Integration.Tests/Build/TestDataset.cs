using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Augment.Core.Cache;
using Augment.Integration.Tests.TestSupport;
using Xunit.Sdk;

namespace Augment.Integration.Tests.Build;

/// <summary>A file's modification time and content, to tell whether a build rewrote or changed it.</summary>
internal sealed record FileState(DateTime Modified, string Sha256);

/// <summary>The one JSON object `build --json` prints, with the process result it came from.</summary>
internal sealed record BuildSummary(ProcessResult Result, JsonObject Json)
{
    public int ExitCode => Result.ExitCode;

    public int Built => Int("built");

    public int Rendered => Int("rendered");

    public int Restored => Int("restored");

    public int UpToDate => Int("upToDate");

    public int Removed => Int("removed");

    public int Failed => Int("failed");

    public int SourcesHashed => Int("sourcesHashed");

    public IReadOnlyList<(string File, string Message)> Errors =>
        (Json["errors"] as JsonArray ?? []).Select(e => (e!["file"]!.GetValue<string>(), e["message"]!.GetValue<string>())).ToList();

    /// <summary>What went wrong with a shared cache without failing the build (docs/distributed.md).</summary>
    public IReadOnlyList<string> Warnings => (Json["warnings"] as JsonArray ?? []).Select(w => w!.GetValue<string>()).ToList();

    public override string ToString() => Result.ToString();

    private int Int(string name) => Json[name]?.GetValue<int>() ?? throw new XunitException($"the summary has no '{name}': {Result}");
}

/// <summary>
/// A dataset in a temporary folder: sources src/s00.png ... with masks srcmasks/s00.png ... (copied
/// from the <see cref="SourcePool"/>, modification times set to <see cref="SourceTime"/>, as in a
/// repository checked out a while ago), an augment.yaml, and the real tool run on it.
/// </summary>
internal sealed class TestDataset : IDisposable
{
    /// <summary>Cheap: 64x64 sources, one resampling pass, a pixel op.</summary>
    public const string DefaultPipeline = """
          - HorizontalFlip: { p: 0.5 }
          - Affine: { rotate: [-10, 10], scale: [0.9, 1.1], p: 1.0 }
          - RandomBrightnessContrast: { brightness_limit: 0.2, contrast_limit: 0.2, p: 0.5 }
        """;

    public static readonly DateTime SourceTime = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly TempFolder _temp = new("augment-build-");

    public TestDataset(SourcePool pool, int sources = 20)
    {
        Pool = pool;
        Directory.CreateDirectory(Path.Combine(Root, "src"));
        Directory.CreateDirectory(Path.Combine(Root, "srcmasks"));
        for (var i = 0; i < sources; i++)
        {
            WriteSource(i, pool.Image(i));
            File.WriteAllBytes(MaskPath(i), pool.Mask(i));
            File.SetLastWriteTimeUtc(MaskPath(i), SourceTime);
        }

        WriteConfig();
    }

    public SourcePool Pool { get; }

    public string Root => _temp.Path;

    public string ConfigPath => Path.Combine(Root, "augment.yaml");

    public string OutputDir => Path.Combine(Root, "out");

    public string StateDir => Path.Combine(OutputDir, ".augment");

    public string LockPath => Path.Combine(StateDir, "lock");

    public static string ImageOf(int source, int variant) => $"images/{SourcePool.Name(source)}_{variant:000}.png";

    public static string MaskOf(int source, int variant) => $"masks/{SourcePool.Name(source)}_{variant:000}.png";

    public string SourcePath(int index) => Path.Combine(Root, "src", SourcePool.Name(index) + ".png");

    public string MaskPath(int index) => Path.Combine(Root, "srcmasks", SourcePool.Name(index) + ".png");

    public string Output(string relative) => Path.Combine(OutputDir, relative);

    /// <summary>Writes a source image (a new file, old modification time).</summary>
    public void WriteSource(int index, byte[] bytes)
    {
        File.WriteAllBytes(SourcePath(index), bytes);
        File.SetLastWriteTimeUtc(SourcePath(index), SourceTime);
    }

    public void WriteConfig(int variants = 4, string pipeline = DefaultPipeline, string images = "src/*.png", bool masks = true)
    {
        var lines = new List<string> { "version: 1", "seed: 42", "inputs:", $"  images: \"{images}\"" };
        if (masks)
        {
            lines.Add("  masks: \"srcmasks/{stem}.png\"");
        }

        lines.AddRange([$"variants: {variants}", "output:", "  dir: out", "  images: \"images/{stem}_{variant:000}{ext}\""]);
        if (masks)
        {
            lines.Add("  masks: \"masks/{stem}_{variant:000}.png\"");
        }

        lines.AddRange(["masks:", "  fill: 255", "pipeline:", pipeline.TrimEnd()]);
        File.WriteAllText(ConfigPath, string.Join("\n", lines) + "\n");
    }

    /// <summary>`build CONFIG --json` plus <paramref name="options"/>.</summary>
    public BuildSummary Build(params string[] options) => ParseSummary(ProcessRunner.RunTool(["build", ConfigPath, "--json", .. options]));

    /// <summary>A build that must succeed.</summary>
    public BuildSummary BuildOk(params string[] options)
    {
        var summary = Build(options);
        Assert.True(summary.ExitCode == 0 && summary.Failed == 0, summary.ToString());
        return summary;
    }

    /// <summary>`plan CONFIG --json`: the items it would build (image -> (action, reason)) and the whole object.</summary>
    public (Dictionary<string, (string Action, string Reason)> Items, JsonObject Json) Plan(params string[] options)
    {
        var result = ProcessRunner.RunTool(["plan", ConfigPath, "--json", .. options]);
        var json = ParseObject(result);
        var items = (json["items"] as JsonArray ?? []).ToDictionary(
            i => i!["image"]!.GetValue<string>(), i => (i!["action"]!.GetValue<string>(), i["reason"]!.GetValue<string>()), StringComparer.Ordinal);
        return (items, json);
    }

    public ProcessResult Verify(params string[] options) => ProcessRunner.RunTool(["verify", ConfigPath, .. options]);

    public ProcessResult Explain(string file) => ProcessRunner.RunTool(["explain", file, "-c", ConfigPath]);

    public static BuildSummary ParseSummary(ProcessResult result) => new(result, ParseObject(result));

    public static JsonObject ParseObject(ProcessResult result)
    {
        try
        {
            return JsonNode.Parse(result.StandardOutput) as JsonObject ?? throw new XunitException($"stdout is not one JSON object: {result}");
        }
        catch (JsonException e)
        {
            throw new XunitException($"stdout is not JSON ({e.Message}): {result}");
        }
    }

    public static JsonObject Manifest(string outputDir) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(outputDir, "manifest.json"))) as JsonObject
        ?? throw new XunitException($"{outputDir}/manifest.json is not a JSON object");

    public static List<JsonObject> ManifestItems(string outputDir) =>
        (Manifest(outputDir)["items"] as JsonArray ?? []).Select(i => (JsonObject)i!).ToList();

    /// <summary>
    /// Every file under <paramref name="folder"/> (paths relative to it, forward slashes) with its
    /// modification time and SHA-256; the .augment state folder only when asked. Leftover hard links
    /// NAME.PID.N.tmp to NAME are skipped (see <see cref="AssertConsistent"/>).
    /// </summary>
    public static Dictionary<string, FileState> Snapshot(string folder, bool includeState = false) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal) || !IsUnrenamedLink(f)) // see AssertConsistent
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(r => includeState || !r.StartsWith(".augment/", StringComparison.Ordinal))
            .ToDictionary(r => r, r => new FileState(File.GetLastWriteTimeUtc(Path.Combine(folder, r)), Sha256(Path.Combine(folder, r))), StringComparer.Ordinal);

    /// <summary>The files of the two snapshots that differ in content or modification time, or exist in one only.</summary>
    public static List<string> Differences(Dictionary<string, FileState> before, Dictionary<string, FileState> after) =>
        before.Keys.Union(after.Keys).Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b)
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// No output file was rewritten, changed, added or removed, apart from those <paramref name="except"/>
    /// names; manifest.json included.
    /// </summary>
    public static void AssertUnchanged(Dictionary<string, FileState> before, Dictionary<string, FileState> after, Func<string, bool>? except = null)
    {
        var changed = Differences(before, after).Where(f => !(except?.Invoke(f) ?? false)).ToList();
        Assert.True(changed.Count == 0, $"rewritten, changed, added or removed: {string.Join(", ", changed)}");
    }

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Puts <paramref name="bytes"/> at <paramref name="path"/> as a new file (a new inode), as an editor that saves by renaming does.</summary>
    public static void ReplaceFile(string path, byte[] bytes)
    {
        var temp = path + ".replacing";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The bytes with the middle one inverted.</summary>
    public static byte[] FlipMiddleByte(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        copy[copy.Length / 2] ^= 0xFF;
        return copy;
    }

    /// <summary>How many key records the cache's packs hold (complete lines; a line being written is not counted).</summary>
    public static int CachedKeyCount(string cacheDir)
    {
        var keys = Path.Combine(cacheDir, "keys");
        return Directory.Exists(keys)
            ? Directory.EnumerateFiles(keys, "*.pack").Sum(pack => File.ReadAllBytes(pack).Count(b => b == (byte)'\n'))
            : 0;
    }

    /// <summary>
    /// The output folder, its cache and its manifest agree: every manifest item's files exist and
    /// hold the SHA-256 it records; the cache holds those objects and the item's key record; no file
    /// in the folder (state and cache included) ends in .tmp, except the <paramref name="tolerated"/>
    /// ones; no image or mask is outside the manifest. With <paramref name="tolerateUnrenamedLinks"/>,
    /// a NAME.PID.N.tmp that is a hard link to the very file NAME is let through (the tool once left
    /// one where rename(2) between two links of one inode does nothing; BuildRegressionTests).
    /// </summary>
    public static void AssertConsistent(string outputDir, IReadOnlySet<string>? tolerated = null, bool tolerateUnrenamedLinks = false)
    {
        var cacheDir = Path.Combine(outputDir, ".augment", "cache");
        using var keyStore = new KeyStore(new ContentStore(cacheDir));
        var items = ManifestItems(outputDir);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var item in items)
        {
            var sha = item["sha256"]!.AsObject();
            var files = new[] { item["image"]!.GetValue<string>() }.Concat(item["masks"]!.AsArray().Select(m => m!.GetValue<string>())).ToList();
            if (files.Count != sha.Count || files.Any(f => !sha.ContainsKey(f)))
            {
                problems.Add($"item {files[0]}: sha256 lists {string.Join(", ", sha.Select(p => p.Key))}, the item has {string.Join(", ", files)}");
            }

            foreach (var file in files)
            {
                listed.Add(file);
                var full = Path.Combine(outputDir, file);
                var expected = sha[file]?.GetValue<string>() ?? string.Empty;
                if (!File.Exists(full))
                {
                    problems.Add($"{file}: in the manifest, not in the folder");
                }
                else if (Sha256(full) != expected)
                {
                    problems.Add($"{file}: holds {Sha256(full)}, the manifest says {expected}");
                }

                var objectPath = expected.Length > 2 ? Path.Combine(cacheDir, "objects", expected[..2], expected[2..]) : string.Empty;
                if (!File.Exists(objectPath))
                {
                    problems.Add($"{file}: the cache has no object {expected}");
                }
                else if (Sha256(objectPath) != expected)
                {
                    problems.Add($"{file}: the cache object {expected} holds {Sha256(objectPath)}");
                }
            }

            var key = item["key"]!.GetValue<string>();
            var cached = keyStore.TryRead(key); // null also when it names an object the cache lacks
            if (cached is null)
            {
                problems.Add($"{files[0]}: the cache has no key record {key} (or one naming a missing object)");
            }
            else if (cached.Image != sha[files[0]]?.GetValue<string>())
            {
                problems.Add($"{files[0]}: the key record {key} names another image object than the manifest");
            }
        }

        foreach (var file in Directory.EnumerateFiles(outputDir, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(outputDir, file).Replace('\\', '/');
            if (relative.EndsWith(".tmp", StringComparison.Ordinal) && !(tolerated?.Contains(relative) ?? false) &&
                !(tolerateUnrenamedLinks && IsUnrenamedLink(file)))
            {
                problems.Add($"{relative}: a temporary file is left");
            }
            else if ((relative.StartsWith("images/", StringComparison.Ordinal) || relative.StartsWith("masks/", StringComparison.Ordinal)) &&
                     !relative.EndsWith(".tmp", StringComparison.Ordinal) && !listed.Contains(relative))
            {
                problems.Add($"{relative}: in the folder, not in the manifest");
            }
        }

        Assert.True(problems.Count == 0, $"{outputDir} is not consistent:\n{string.Join("\n", problems)}");
    }

    /// <summary>NAME.PID.N.tmp, a hard link to the same inode as NAME.</summary>
    public static bool IsUnrenamedLink(string tempFile)
    {
        var match = Regex.Match(tempFile, @"^(?<final>.+)\.\d+\.\d+\.tmp$");
        if (!match.Success || !File.Exists(match.Groups["final"].Value))
        {
            return false;
        }

        var stat = ProcessRunner.Run("stat", ["-c", "%d:%i", tempFile, match.Groups["final"].Value]);
        var ids = stat.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return stat.ExitCode == 0 && ids.Length == 2 && ids[0] == ids[1];
    }

    public void Dispose() => _temp.Dispose();
}
