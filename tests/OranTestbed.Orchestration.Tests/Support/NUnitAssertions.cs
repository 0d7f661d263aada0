using Akka.TestKit;

namespace OranTestbed.Orchestration.Tests.Support;

/// <summary>Akka.TestKit's assertions on NUnit (no NUnit TestKit package is served: the adapter of Akka.TestKit.NUnit4).</summary>
public sealed class NUnitAssertions : ITestKitAssertions
{
    public void Fail(string format = "", params object[] args) => Assert.Fail(Format(format, args));

    public void AssertTrue(bool condition, string format = "", params object[] args) =>
        Assert.That(condition, Is.True, Format(format, args));

    public void AssertFalse(bool condition, string format = "", params object[] args) =>
        Assert.That(condition, Is.False, Format(format, args));

    public void AssertEqual<T>(T expected, T actual, string format = "", params object[] args) =>
        Assert.That(actual, Is.EqualTo(expected), Format(format, args));

    public void AssertEqual<T>(T expected, T actual, Func<T, T, bool> comparer, string format = "", params object[] args) =>
        Assert.That(comparer(expected, actual), Is.True, Format(format, args));

    public Exception AssertThrows(Action action) => Assert.Catch(() => action())!;

    public TException AssertThrows<TException>(Action action)
        where TException : Exception => Assert.Throws<TException>(() => action())!;

    public async Task<Exception> AssertThrowsAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // the point is to return whatever was thrown
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
        }

        Assert.Fail("expected an exception");
        return null!;
    }

    public async Task<TException> AssertThrowsAsync<TException>(Func<Task> action)
        where TException : Exception
    {
        var thrown = await AssertThrowsAsync(action).ConfigureAwait(false);
        Assert.That(thrown, Is.InstanceOf<TException>());
        return (TException)thrown;
    }

    private static string Format(string format, object[] args) =>
        args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
}
