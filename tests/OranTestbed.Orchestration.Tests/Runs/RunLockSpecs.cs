using OranTestbed.Orchestration.Runs;
using OranTestbed.TestSupport;

namespace OranTestbed.Orchestration.Tests.Runs;

public sealed class RunLockSpecs
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "run-lock", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder() => TempFolders.Delete(_folder);

    [Test]
    public void RunLock_must_refuse_a_second_owner_naming_the_first_until_it_lets_go()
    {
        var first = RunLock.Acquire(_folder, "run-1");

        var refused = Assert.Throws<RunOwnedException>(() => RunLock.Acquire(_folder, "run-1"))!;
        first.Dispose();
        using var second = RunLock.Acquire(_folder, "run-1");

        Assert.Multiple(() =>
        {
            Assert.That(refused.RunId, Is.EqualTo("run-1"));
            Assert.That(refused.Owner, Does.StartWith($"process {Environment.ProcessId} on {Environment.MachineName} since "));
            Assert.That(refused.Message, Does.StartWith("run run-1 is owned by another process (process ")
                .And.EndWith("wait for it to end, or stop it, then --resume run-1"));
            Assert.That(refused.Message, Does.Not.Contain("\n"), "one line");
            Assert.That(File.Exists(Path.Combine(_folder, RunLock.FileName)), Is.True, "the lock file stays: never deleted");
        });
    }
}
