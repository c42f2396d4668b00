using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.NativeBuild;

/// <summary>
/// `dotnet build` compiles the native shim from source, and a second build with nothing changed does
/// not run the compiler again. The shim's folder is copied to a temporary project that imports its
/// targets, so the test can change a source without touching the repository.
/// </summary>
public sealed class NativeShimIncrementalBuildTests : IDisposable
{
    private const string CompilingMessage = "Augment.Native: compiling libaugment_native.so";

    private readonly TempFolder _temp = new();

    [Fact]
    public void A_second_build_does_not_recompile_and_a_changed_source_does()
    {
        var native = _temp.Combine("Augment.Native");
        CopyFolder(RepoPaths.NativeSources, native);
        var project = _temp.Combine("Consumer", "Consumer.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <Import Project="{Path.Combine(native, "Augment.Native.targets")}" />
            </Project>
            """);

        var first = Build(project);
        Assert.Contains(CompilingMessage, first.StandardOutput, StringComparison.Ordinal);
        var library = Directory.GetFiles(_temp.Combine("Consumer", "obj"), "libaugment_native.so", SearchOption.AllDirectories).Single();
        Assert.True(File.Exists(_temp.Combine("Consumer", "bin", "Debug", "net10.0", "libaugment_native.so")), "the shim was not copied to the output");
        var builtAt = File.GetLastWriteTimeUtc(library);

        var second = Build(project);
        Assert.DoesNotContain(CompilingMessage, second.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Skipping target \"AugmentBuildNative\" because all output files are up-to-date", second.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(builtAt, File.GetLastWriteTimeUtc(library));

        // The control: a changed source does recompile, so the check above could have failed.
        File.SetLastWriteTimeUtc(Path.Combine(native, "src", "codec.cpp"), DateTime.UtcNow.AddSeconds(5));
        var third = Build(project);
        Assert.Contains(CompilingMessage, third.StandardOutput, StringComparison.Ordinal);
        Assert.NotEqual(builtAt, File.GetLastWriteTimeUtc(library));
    }

    public void Dispose() => _temp.Dispose();

    private static ProcessResult Build(string project)
    {
        var result = ProcessRunner.Run("dotnet", ["build", project, "-v:n", "-nologo"], Path.GetDirectoryName(project));
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
