using OranTestbed.Mplane.Oran;
using OranTestbed.Mplane.Operations;
using OranTestbed.Mplane.Session;

namespace OranTestbed.Mplane.Conformance;

/// <summary>
/// CONF.0 §3.1.10 configurability, after the start-up configuration: a second low-level-rx-endpoint (one the O-RU has
/// but the start-up did not use) is written with a unique eAxC id (§3.1.10.1: it must be accepted, land in running
/// and be notified by netconf-config-change) or with the eAxC id of the configured endpoint (§3.1.10.2: it must be
/// refused and running left as it was). Reports <c>edit-accepted</c>, <c>edit-rejected</c>, <c>in-running</c> and, for
/// an accepted edit, <c>config-change-notified</c>. An accepted probe is deleted again.
/// </summary>
public static class ConfigurabilityCheck
{
    public static async Task<CheckResult> RunAsync(OruBringUp oru, bool duplicate, TimeSpan notificationWait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(oru);
        if (oru.Configured is not { } configured)
        {
            return CheckResult.NotMeasured("the O-RU was not configured before the configurability check (configure first)");
        }

        if (oru.Inventory.RxEndpoints.FirstOrDefault(e => !configured.RxEndpoints.Contains(e)) is not { } spare)
        {
            return CheckResult.NotMeasured("the O-RU has no second rx endpoint to write an eAxC id to");
        }

        int ruPort = duplicate ? 0 : 1; // the start-up gave its rx endpoint RU port 0
        if (!duplicate && configured.Profile.EaxcBits.RuPort < 1)
        {
            return CheckResult.NotMeasured($"the eAxC split {configured.Profile.EaxcBits} has no RU-port bit for a second id");
        }

        var session = oru.Session;
        int changes = oru.Events.ConfigChanges;
        var refused = await ConfigWrite.TryAsync(session, StartupConfiguration.ExtraRxEndpoint(configured, spare, ruPort), cancellationToken)
            .ConfigureAwait(false);
        var up = OranNamespaces.UplaneConf;
        var running = await session.GetConfigAsync(NetconfDatastore.Running, NetconfFilter.ForSubtree(
            new System.Xml.Linq.XElement(up + "user-plane-configuration", new System.Xml.Linq.XElement(up + "low-level-rx-endpoints"))),
            cancellationToken).ConfigureAwait(false);
        bool inRunning = running.Descendants(up + "low-level-rx-endpoints").Any(e => e.Element(up + "name")?.Value == spare);
        var values = new List<(string, decimal)>
        {
            ("edit-accepted", CheckResult.Flag(refused is null)),
            ("edit-rejected", CheckResult.Flag(refused is not null)),
            ("in-running", CheckResult.Flag(inRunning)),
        };
        if (refused is null)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (oru.Events.ConfigChanges == changes && waited.Elapsed < notificationWait)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
            }

            values.Add(("config-change-notified", CheckResult.Flag(oru.Events.ConfigChanges > changes)));
            await ConfigWrite.RemoveAsync(session, up + "user-plane-configuration", up + "low-level-rx-endpoints", spare, cancellationToken)
                .ConfigureAwait(false);
        }

        var result = CheckResult.Of([.. values]);
        return refused is null ? result : result with { Notes = [$"the O-RU refused: {refused.Message}"] };
    }
}
