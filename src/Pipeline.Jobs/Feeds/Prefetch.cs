using System.Collections.Concurrent;

namespace Pipeline.Jobs.Feeds;

/// <summary>
/// Runs a row stream on a thread of its own, a few batches ahead of its consumer: a feed's parsing and metrics
/// run while the previous rows go to the warehouse (a bounded buffer, so memory stays flat). The consumer sees the
/// same rows in the same order; an exception of the producer is rethrown to it; a consumer that stops early (or
/// fails) stops the producer.
/// </summary>
public static class Prefetch
{
    public static IEnumerable<T> Ahead<T>(IEnumerable<T> source, int batchSize = 2048, int batches = 8)
    {
        using var stop = new CancellationTokenSource();
        using var queue = new BlockingCollection<T[]>(batches);
        Exception? failure = null;
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new List<T>(batchSize);
                foreach (var item in source)
                {
                    batch.Add(item);
                    if (batch.Count < batchSize) continue;
                    queue.Add(batch.ToArray(), stop.Token);
                    batch.Clear();
                }
                if (batch.Count > 0) queue.Add(batch.ToArray(), stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // the consumer stopped
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
                foreach (var item in batch)
                    yield return item;
            producer.Wait();
            if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.Wait();
            }
            catch (AggregateException)
            {
                // reported above, or the consumer is already failing
            }
        }
    }
}
