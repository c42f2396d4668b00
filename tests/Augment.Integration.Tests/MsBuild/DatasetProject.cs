using System.Globalization;
using System.Text.RegularExpressions;
using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.MsBuild;

/// <summary>
/// A dataset project in a temporary folder, as a user would write one: a NoTargets project with a
/// PackageReference to Augment.Build from the local feed, its own nuget.config, an augment.yaml,
/// and the two sample micrographs with their masks.
/// </summary>
internal sealed partial class DatasetProject : IDisposable
{
    public const string DefaultConfig = """
        version: 1
        seed: 11
        inputs:
          images: "images/*.png"
          masks: "masks/{stem}.png"
        variants: 2
        output:
          dir: out
        pipeline:
          - HorizontalFlip: { p: 0.5 }
          - Rotate: { limit: 10, p: 1.0 }
        """;

    private readonly TempFolder _folder = new("augment-msbuild-");

    /// <param name="project">The project file's text; by default a PackageReference to the packed Augment.Build.</param>
    public DatasetProject(PackageFeed feed, string config = DefaultConfig, string? project = null)
    {
        feed.WriteNugetConfig(Folder);
        File.WriteAllText(ProjectPath, project ?? $"""
            <Project Sdk="Microsoft.Build.NoTargets/3.7.0">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Augment.Build" Version="{feed.Version}" />
                <AugmentDataset Include="augment.yaml" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Combine("augment.yaml"), config);
        Directory.CreateDirectory(Combine("images"));
        Directory.CreateDirectory(Combine("masks"));
        foreach (var name in new[] { "coins.png", "cell.png" })
        {
            File.Copy(Path.Combine(RepoPaths.Root, "sample-dataset", "images", name), Combine("images", name));
            File.Copy(Path.Combine(RepoPaths.Root, "sample-dataset", "masks", name), Combine("masks", name));
        }
    }

    public string Folder => _folder.Path;

    public string ProjectPath => Combine("dataset.proj");

    public string OutputDir => Combine("out");

    public string Combine(params string[] parts) => _folder.Combine(parts);

    public ProcessResult Build(IReadOnlyDictionary<string, string?>? environment = null, params string[] arguments) =>
        Dotnet(["build", ProjectPath, "-nologo", "-tl:off", "-v:m", .. arguments], environment);

    /// <summary>A build with output to a file, for builds whose MSBuild nodes stay alive after it (node reuse).</summary>
    public ProcessResult BuildWithReusedNodes(IReadOnlyDictionary<string, string?> environment) =>
        ProcessRunner.RunWithOutputInFile("dotnet", ["build", ProjectPath, "-nologo", "-tl:off", "-v:n", "-nr:true"], Folder, environment);

    public ProcessResult Clean() => Dotnet(["clean", ProjectPath, "-nologo", "-tl:off", "-v:m"]);

    /// <summary>Every file under the output folder apart from the build's own state, relative, sorted.</summary>
    public IReadOnlyList<string> OutputFiles() =>
        Directory.Exists(OutputDir)
            ? Directory.GetFiles(OutputDir, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(OutputDir, f))
                .Where(f => !f.StartsWith(".augment", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>The engine's summary line for augment.yaml ("augment: augment.yaml: 4 built (4 rendered, ...").</summary>
    public static EngineSummary Summary(ProcessResult result)
    {
        var match = SummaryLine().Match(result.StandardOutput);
        Assert.True(match.Success, $"no engine summary in the build output\n{result}");
        int At(int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return new EngineSummary(At(1), At(2), At(3), At(4), At(5), At(6));
    }

    public void Dispose() => _folder.Dispose();

    private ProcessResult Dotnet(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        ProcessRunner.Run("dotnet", arguments, Folder, environment);

    [GeneratedRegex(@"augment: augment\.yaml: (\d+) built \((\d+) rendered, (\d+) from cache\), (\d+) up to date, (\d+) removed, (\d+) failed")]
    private static partial Regex SummaryLine();
}

internal sealed record EngineSummary(int Built, int Rendered, int Restored, int UpToDate, int Removed, int Failed);
