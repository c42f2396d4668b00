using Augment.Core.Cache;
using Augment.Core.Config;
using Augment.Core.Diagnostics;
using Augment.Core.OpenCv;

namespace Augment.Core.Dataset;

/// <summary>The work of a build once it is planned: items rendered a source at a time over the jobs, committed in durable groups.</summary>
internal static class ItemExecutor
{
    /// <summary>
    /// Renders what <paramref name="plans"/> say to render and restores what they say to restore;
    /// returns every item with its key record, or its error. <paramref name="writeOutputs"/> false (a
    /// shard): only the cache is written, no output file. <paramref name="committed"/> hears of each
    /// rendered item once it is durable and in the cache (an upload to a shared cache).
    /// </summary>
    public static List<(ItemPlan Plan, KeyRecord? Record, BuildError? Error)> Execute(
        AugmentConfig config, BuildLayout layout, ContentStore store, KeyStore keys, IReadOnlyList<ItemPlan> plans, BuildOptions options, CocoSource? coco,
        bool writeOutputs, Action<ItemPlan, KeyRecord>? committed = null)
    {
        var renderer = new SourceRenderer(config, layout, store, keys, coco, writeOutputs);
        // Items run in parallel; OpenCV's own pool on top would oversubscribe the cores. Its results
        // do not depend on its thread count, only its speed does.
        OpenCvRuntime.SetThreads(options.Jobs > 1 ? 1 : 0);
        var done = new List<(ItemPlan, KeyRecord?, BuildError?)>(plans.Count);
        void Finish(ItemPlan plan, KeyRecord? record, BuildError? error)
        {
            lock (done)
            {
                done.Add((plan, record, error));
            }

            options.Observer?.ItemFinished(plan.Output.Image, error is null ? plan.Action : ItemAction.Failed, error?.Message);
        }

        foreach (var plan in plans.Where(p => p.Action is ItemAction.UpToDate or ItemAction.Failed))
        {
            Finish(plan, plan.Cached, plan.Error);
        }

        foreach (var plan in plans.Where(p => p.Action == ItemAction.Restore))
        {
            options.Cancellation.ThrowIfCancellationRequested();
            if (writeOutputs)
            {
                renderer.Materialize(plan.Output, plan.Cached!);
            }

            Finish(plan, plan.Cached, null);
        }

        // One task per source: its image and masks are decoded once for all its variants, and at
        // most Jobs sources are in memory at once, whatever the dataset's size. Rendered items are
        // committed (key record, outputs) in groups, after one sync makes a group's objects durable.
        var batch = new DurableBatch<(ItemPlan Plan, KeyRecord Record)>(
            writeOutputs ? [layout.CacheDir, layout.OutputDir] : [layout.CacheDir],
            item =>
            {
                using (BuildProfile.Measure("render.commit"))
                {
                    renderer.Commit(item.Plan, item.Record);
                }

                committed?.Invoke(item.Plan, item.Record);

                // The record is in the key record now; the manifest reads it back from there rather
                // than every item's record staying in memory until the end of the build.
                Finish(item.Plan, item.Record with { Record = null }, null);
            });
        var groups = plans.Where(p => p.Action == ItemAction.Render).GroupBy(p => p.Output.Source.Image).Select(g => g.ToList()).ToList();
        try
        {
            Parallel.ForEach(
                groups,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Jobs), CancellationToken = options.Cancellation },
                group =>
                {
                    foreach (var (plan, record, error) in renderer.Render(group, options.Cancellation))
                    {
                        if (record is null)
                        {
                            Finish(plan, record, error);
                        }
                        else
                        {
                            batch.Add((plan, record), renderer.ObjectPaths(record));
                        }
                    }
                });
        }
        catch (OperationCanceledException)
        {
            batch.Flush(); // what was rendered before the cancel is kept
            throw;
        }

        batch.Flush();

        return done;
    }
}
