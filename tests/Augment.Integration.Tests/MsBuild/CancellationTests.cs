using System.Diagnostics;
using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.MsBuild;

/// <summary>
/// Ctrl+C on `dotnet build` cancels the AugmentEngine task (ICancelableTask): the engine process is
/// stopped, the build fails, and the next build completes the dataset.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class CancellationTests(PackageFeed feed)
{
    private const int Sources = 24;
    private const int Variants = 4;

    [Fact]
    public async Task Ctrl_C_stops_the_engine_and_the_next_build_finishes_the_dataset()
    {
        using var project = new DatasetProject(feed, $$"""
            version: 1
            seed: 5
            inputs:
              images: "many/*.png"
            variants: {{Variants}}
            output:
              dir: out
            pipeline:
              - ElasticTransform: { alpha: 120, sigma: 50, p: 1.0 }
              - GaussNoise: { std_range: [0.05, 0.1], p: 1.0 }
            """);
        Directory.CreateDirectory(project.Combine("many"));
        for (var i = 0; i < Sources; i++)
        {
            File.Copy(project.Combine("images", "coins.png"), project.Combine("many", $"s{i:00}.png"));
        }

        var marker = Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "build", project.ProjectPath, "-nologo", "-tl:off", "-v:m", "-p:AugmentJobs=1" },
            WorkingDirectory = project.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["MSBUILDDISABLENODEREUSE"] = "1", ["AUGMENT_TEST_ENGINE_MARKER"] = marker },
        };
        using var build = Process.Start(start)!;
        var output = build.StandardOutput.ReadToEndAsync();
        _ = build.StandardError.ReadToEndAsync();

        Assert.True(WaitFor(() => Engines(marker).Count > 0 ? "running" : null, TimeSpan.FromMinutes(2)) is not null, "the engine never started");

        // Ctrl+C mid-way, as a fact rather than a matter of timing: once the first item is in the cache
        // the engine is frozen (SIGSTOP) where it is, so however fast the items are, the Ctrl+C finds
        // the build unfinished (a Ctrl+C right after the first item once came too late: exit 0). The
        // task's cancel kills the frozen engine (SIGKILL reaches a stopped process).
        Assert.True(WaitFor(() => CachedObject(project), TimeSpan.FromMinutes(2)) is not null, "the engine never stored an item");
        var engines = Engines(marker);
        try
        {
            Signal("STOP", engines);
            Assert.True(CachedObjects(project) < Sources * Variants, "the engine finished every item before it was frozen; the test needs more work per build");
            Signal("INT", [build.Id]);

            Assert.True(build.WaitForExit(TimeSpan.FromMinutes(1)), "the build did not stop after Ctrl+C");
            Assert.NotEqual(0, build.ExitCode);
            Assert.True(WaitFor(() => Engines(marker).Count == 0 ? "gone" : null, TimeSpan.FromSeconds(30)) is not null, "the engine outlived the cancelled build");
        }
        finally
        {
            Signal("KILL", Engines(marker)); // a frozen engine that the cancel did not reach does not outlive the test
        }

        Assert.DoesNotMatch(@"augment: augment\.yaml: \d+ built", await output);

        var next = project.Build();
        Assert.True(next.ExitCode == 0, next.ToString());
        var summary = DatasetProject.Summary(next);
        Assert.Equal((Sources * Variants, 0), (summary.Built + summary.UpToDate, summary.Failed));
        Assert.True(summary.Built > 0, "the cancelled build finished everything before it was stopped; the test needs more work per build");
    }

    /// <summary>The first object in the build's content cache (under obj/), once an item is stored.</summary>
    private static string? CachedObject(DatasetProject project)
    {
        try
        {
            return Directory.EnumerateFiles(project.Combine("obj"), "*", SearchOption.AllDirectories)
                .FirstOrDefault(f => f.Contains($"{Path.DirectorySeparatorChar}objects{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        }
        catch (DirectoryNotFoundException)
        {
            return null; // obj/, or a folder in it, not there yet (or renamed away while listed)
        }
    }

    private static int CachedObjects(DatasetProject project) =>
        Directory.EnumerateFiles(project.Combine("obj"), "*", SearchOption.AllDirectories)
            .Count(f => f.Contains($"{Path.DirectorySeparatorChar}objects{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static void Signal(string signal, IEnumerable<int> processes)
    {
        foreach (var id in processes)
        {
            using var kill = Process.Start("kill", [$"-{signal}", id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit(); // a process that is already gone is not an error here
        }
    }

    /// <summary>Engine processes started by this test's build.</summary>
    private static List<int> Engines(string marker) => MarkedProcesses.Find("AUGMENT_TEST_ENGINE_MARKER", marker, "dotnet-augment.dll");

    private static T? WaitFor<T>(Func<T?> probe, TimeSpan timeout)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (probe() is { } value)
            {
                return value;
            }

            Thread.Sleep(100);
        }

        return null;
    }
}
