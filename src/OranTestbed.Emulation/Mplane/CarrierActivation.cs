using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using OranNamespaces = OranTestbed.Mplane.Oran.OranNamespaces;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// The read-only <c>state</c> of every tx/rx-array-carrier and its transitions (o-ran-uplane-conf): a committed carrier
/// with <c>active</c> ACTIVE goes DISABLED → BUSY at once and READY after the ready delay; one set INACTIVE or SLEEP (or
/// deactivated by a supervision failure) goes DISABLED. Each transition is one tx/rx-array-carriers-state-change per
/// direction. Runs under the server's lock (<see cref="Gate"/>); the READY timer takes it too.
/// </summary>
internal sealed class CarrierActivation(TimeProvider time, TimeSpan readyDelay, ILogger logger, Lock gate,
    Action<IReadOnlyList<XElement>> publish) : IDisposable
{
    private static readonly XNamespace Up = OranNamespaces.UplaneConf;

    private readonly Dictionary<CarrierKey, CarrierState> _states = [];
    private readonly Dictionary<CarrierKey, ITimer> _readyTimers = [];

    public Lock Gate => gate;

    public IReadOnlyDictionary<CarrierKey, CarrierState> States => _states;

    /// <summary>Follows a new running configuration; returns the state-change notifications to send now.</summary>
    public List<XElement> Apply(XElement running)
    {
        var wanted = new Dictionary<CarrierKey, bool>();
        var uplane = running.Element(Up + "user-plane-configuration");
        foreach (bool transmit in new[] { true, false })
        {
            foreach (var carrier in uplane?.Elements(Up + (transmit ? "tx-array-carriers" : "rx-array-carriers")) ?? [])
            {
                if (carrier.Element(Up + "name")?.Value.Trim() is { Length: > 0 } name)
                {
                    wanted[new CarrierKey(transmit, name)] = carrier.Element(Up + "active")?.Value.Trim() == "ACTIVE";
                }
            }
        }

        var changed = new List<(CarrierKey, CarrierState)>();
        foreach (var key in _states.Keys.Where(k => !wanted.ContainsKey(k)).ToList())
        {
            CancelReady(key);
            _states.Remove(key);
        }

        foreach (var (key, active) in wanted)
        {
            var state = _states.GetValueOrDefault(key, CarrierState.Disabled);
            if (active && state == CarrierState.Disabled)
            {
                Set(key, CarrierState.Busy, changed);
                _readyTimers[key] = time.CreateTimer(_ => BecomeReady(key), null, readyDelay, Timeout.InfiniteTimeSpan);
            }
            else if (!active && state != CarrierState.Disabled)
            {
                CancelReady(key);
                Set(key, CarrierState.Disabled, changed);
            }
            else
            {
                _states[key] = state;
            }
        }

        return Notifications(changed);
    }

    /// <summary>Every carrier to DISABLED (supervision failure); returns the notifications.</summary>
    public List<XElement> DeactivateAll()
    {
        var changed = new List<(CarrierKey, CarrierState)>();
        foreach (var key in _states.Keys.ToList())
        {
            CancelReady(key);
            if (_states[key] != CarrierState.Disabled)
            {
                Set(key, CarrierState.Disabled, changed);
            }
        }

        return Notifications(changed);
    }

    public void Dispose()
    {
        foreach (var timer in _readyTimers.Values)
        {
            timer.Dispose();
        }

        _readyTimers.Clear();
    }

    private void BecomeReady(CarrierKey key)
    {
        List<XElement> notifications;
        lock (gate)
        {
            if (!_readyTimers.Remove(key, out var timer) || _states.GetValueOrDefault(key) != CarrierState.Busy)
            {
                return;
            }

            timer.Dispose();
            var changed = new List<(CarrierKey, CarrierState)>();
            Set(key, CarrierState.Ready, changed);
            notifications = Notifications(changed);
        }

        publish(notifications);
    }

    private void Set(CarrierKey key, CarrierState state, List<(CarrierKey, CarrierState)> changed)
    {
        _states[key] = state;
        changed.Add((key, state));
        MplaneLog.CarrierStateChanged(logger, key, state);
    }

    private void CancelReady(CarrierKey key)
    {
        if (_readyTimers.Remove(key, out var timer))
        {
            timer.Dispose();
        }
    }

    private static List<XElement> Notifications(List<(CarrierKey Key, CarrierState State)> changed) =>
        [.. changed.GroupBy(c => c.Key.Transmit).OrderByDescending(g => g.Key)
            .Select(g => OruNotifications.CarrierStateChange(g.Key, g.Select(c => (c.Key.Name, c.State))))];
}
