using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.MsBuild;

/// <summary>
/// The MSBuild tests run one at a time (each `dotnet build` keeps the cores busy) and share the
/// packed packages.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MsBuildCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "MsBuild";
}

/// <summary>
/// The local folder feed that build/pack.sh writes (artifacts/feed; build/test.sh packs before it
/// tests, and this packs when the feed is missing), and a NuGet packages folder of this test run's
/// own, so that a package of the same version packed earlier is never taken from a shared cache.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    private readonly TempFolder _packages = new("augment-packages-");

    public PackageFeed()
    {
        Folder = Path.Combine(RepoPaths.Root, "artifacts", "feed");
        if (FindPackage("Augment.Build") is null || FindPackage("dotnet-augment") is null)
        {
            var pack = ProcessRunner.Run("bash", [Path.Combine(RepoPaths.Root, "build", "pack.sh")]);
            Assert.True(pack.ExitCode == 0, pack.ToString());
        }

        var package = FindPackage("Augment.Build") ?? throw new InvalidOperationException($"no Augment.Build package in {Folder}");
        Version = Path.GetFileNameWithoutExtension(package)["Augment.Build.".Length..];
    }

    public string Folder { get; }

    /// <summary>The packed version, as the file name says (Augment.Build.0.1.0.nupkg).</summary>
    public string Version { get; }

    public string PackagesFolder => _packages.Path;

    /// <summary>A nuget.config that adds the feed to the machine's sources and keeps packages in this run's folder.</summary>
    public void WriteNugetConfig(string folder) => File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="{PackagesFolder}" />
          </config>
          <packageSources>
            <add key="augment-local" value="{Folder}" />
          </packageSources>
        </configuration>
        """);

    public void Dispose() => _packages.Dispose();

    private string? FindPackage(string id) =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, id + ".*.nupkg").FirstOrDefault(f => char.IsDigit(Path.GetFileName(f)[(id.Length + 1)..][0]))
            : null;
}
