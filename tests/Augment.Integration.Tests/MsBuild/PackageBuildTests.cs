using Augment.Core.Imaging;
using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.MsBuild;

/// <summary>
/// A dataset project that consumes the packed Augment.Build package, built with the real
/// `dotnet build` (issue 5, acceptance 1 to 3).
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class PackageBuildTests(PackageFeed feed)
{
    [Fact]
    public void Builds_then_skips_the_engine_then_rebuilds_one_changed_source_then_cleans()
    {
        using var project = new DatasetProject(feed);

        var first = project.Build();
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(new EngineSummary(Built: 4, Rendered: 4, Restored: 0, UpToDate: 0, Removed: 0, Failed: 0), DatasetProject.Summary(first));
        var outputs = project.OutputFiles();
        Assert.Contains("manifest.json", outputs);
        Assert.Equal(4, outputs.Count(f => f.StartsWith("images", StringComparison.Ordinal)));
        Assert.Equal(4, outputs.Count(f => f.StartsWith("masks", StringComparison.Ordinal)));

        var second = project.Build();
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("augment: augment.yaml: up to date, nothing rendered", second.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(" built (", second.StandardOutput, StringComparison.Ordinal);

        var cellBefore = Snapshot(project, "cell");
        var coinsBefore = Snapshot(project, "coins");
        ChangeOnePixel(project.Combine("images", "coins.png"));
        var third = project.Build();
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Equal(new EngineSummary(Built: 2, Rendered: 2, Restored: 0, UpToDate: 2, Removed: 0, Failed: 0), DatasetProject.Summary(third));
        Assert.Equal(cellBefore, Snapshot(project, "cell"));
        var coinsAfter = Snapshot(project, "coins");
        Assert.Equal(coinsBefore.Keys, coinsAfter.Keys);
        Assert.All(coinsBefore.Keys.Where(f => f.StartsWith("images", StringComparison.Ordinal)),
            f => Assert.NotEqual(coinsBefore[f].Bytes, coinsAfter[f].Bytes));

        var clean = project.Clean();
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Empty(project.OutputFiles());
    }

    [Fact]
    public void The_output_and_cache_folders_follow_the_properties_relative_to_the_project()
    {
        using var project = new DatasetProject(feed);

        var result = project.Build(null, "-p:AugmentOutputDir=dataset", "-p:AugmentCacheDir=shared-cache", "-p:AugmentJobs=1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, DatasetProject.Summary(result).Built);
        Assert.True(File.Exists(project.Combine("dataset", "manifest.json")));
        Assert.False(Directory.Exists(project.OutputDir));
        Assert.NotEmpty(Directory.GetFiles(project.Combine("shared-cache"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_config_error_is_an_msbuild_error_at_its_line_and_column()
    {
        using var project = new DatasetProject(feed, DatasetProject.DefaultConfig.Replace("- Rotate:", "- Rotat:", StringComparison.Ordinal));

        var result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        // Line 11 is "  - Rotat: { ... }"; the op's name starts in column 5.
        Assert.Contains($"{project.Combine("augment.yaml")}(11,5): error AUG2003: unknown op 'Rotat'; did you mean 'Rotate'?", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(project.OutputFiles());
    }

    [Fact]
    public void A_truncated_source_fails_the_build_naming_the_file_and_the_other_items_are_built()
    {
        using var project = new DatasetProject(feed);
        var bad = project.Combine("images", "bad.png");
        File.WriteAllBytes(bad, File.ReadAllBytes(project.Combine("images", "coins.png"))[..2000]);
        File.Copy(project.Combine("masks", "coins.png"), project.Combine("masks", "bad.png"));

        var result = project.Build();

        Assert.Equal(1, result.ExitCode);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(bad)} ?: error AUG3002: truncated PNG", result.StandardOutput);
        var summary = DatasetProject.Summary(result);
        Assert.Equal((4, 2), (summary.Built, summary.Failed));
        var outputs = project.OutputFiles();
        Assert.Equal(4, outputs.Count(f => f.StartsWith("images", StringComparison.Ordinal)));
        Assert.DoesNotContain(outputs, f => f.Contains("bad", StringComparison.Ordinal));
    }

    [Fact]
    public void After_a_failed_build_the_engine_runs_again_even_when_the_inputs_are_back_as_before()
    {
        using var project = new DatasetProject(feed);
        Assert.Equal(0, project.Build().ExitCode);
        var good = project.Combine("images", "good.png");
        var bad = project.Combine("images", "bad.png");
        File.Copy(project.Combine("images", "cell.png"), good);
        File.Copy(project.Combine("masks", "cell.png"), project.Combine("masks", "good.png"));
        File.WriteAllBytes(bad, File.ReadAllBytes(project.Combine("images", "coins.png"))[..2000]);
        File.Copy(project.Combine("masks", "coins.png"), project.Combine("masks", "bad.png"));
        var failed = project.Build();
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains(project.OutputFiles(), f => f.Contains("good", StringComparison.Ordinal));

        // Both new sources go: the inputs are as they were at the first build's stamp, but the
        // failed build left good.png's outputs, which only the engine removes.
        foreach (var stem in new[] { "good", "bad" })
        {
            File.Delete(project.Combine("images", stem + ".png"));
            File.Delete(project.Combine("masks", stem + ".png"));
        }

        var next = project.Build();
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.True(DatasetProject.Summary(next).Removed > 0, next.ToString());
        Assert.DoesNotContain(project.OutputFiles(), f => f.Contains("good", StringComparison.Ordinal));
    }

    private sealed record FileState(byte[] Bytes, DateTime WriteTime)
    {
        public bool Equals(FileState? other) => other is not null && Bytes.AsSpan().SequenceEqual(other.Bytes) && WriteTime == other.WriteTime;

        public override int GetHashCode() => WriteTime.GetHashCode();
    }

    private static Dictionary<string, FileState> Snapshot(DatasetProject project, string stem) =>
        project.OutputFiles()
            .Where(f => Path.GetFileName(f).StartsWith(stem, StringComparison.Ordinal))
            .ToDictionary(f => f, f => new FileState(File.ReadAllBytes(Path.Combine(project.OutputDir, f)), File.GetLastWriteTimeUtc(Path.Combine(project.OutputDir, f))));

    /// <summary>Writes the image again with one pixel changed: same size, same mask, other content.</summary>
    private static void ChangeOnePixel(string path)
    {
        using var image = ImageCodec.DecodeFile(path);
        image.Row(image.Height / 2)[image.Width / 2] ^= 0xFF;
        File.WriteAllBytes(path, ImageCodec.Encode(image, new EncodeSettings(ImageFormat.Png)));
    }
}
