using System.Xml.Linq;
using NetconfNamespaces = OranTestbed.Mplane.Session.NetconfNamespaces;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// The O-RU's configuration datastores, running and candidate (RFC 6241 §5, :candidate), with their locks. Edits of the
/// candidate are checked for names only (the candidate may be inconsistent until validate/commit, §8.3); validate, commit
/// and edits of running also apply the semantic rules of <see cref="ConfigValidator"/>. Not thread-safe: the server
/// calls it under its lock.
/// </summary>
internal sealed class OruDatastore(YangCatalog catalog, ConfigValidator validator)
{
    private readonly ConfigEditor _editor = new(catalog);

    public XElement Running { get; private set; } = Empty();

    public XElement Candidate { get; private set; } = Empty();

    /// <summary>The candidate holds edits not committed yet.</summary>
    public bool CandidateModified { get; private set; }

    /// <summary>Session holding the lock of each datastore (0: unlocked).</summary>
    public uint RunningLock { get; private set; }

    public uint CandidateLock { get; private set; }

    public static XElement Empty() => new(NetconfNamespaces.Base + "data");

    public XElement Of(string datastore) => datastore switch
    {
        "running" => Running,
        "candidate" => Candidate,
        _ => throw new NetconfRpcException(RpcError.InvalidValue($"no datastore '{datastore}' (running, candidate)")),
    };

    /// <summary>
    /// Applies an edit to the candidate; returns the new running tree instead when the target is running.
    /// <paramref name="authorize"/> sees the datastore before and after the edit and throws to refuse it (NACM).
    /// </summary>
    public XElement? Edit(uint session, string target, XElement config, EditOperation defaultOperation, string testOption,
        Action<XElement, XElement> authorize)
    {
        CheckNotLockedByOther(session, target);
        validator.CheckNames(config);
        var edited = _editor.Apply(Of(target), config, defaultOperation);
        authorize(Of(target), edited);
        if (testOption == "test-only" || target == "running")
        {
            validator.CheckSemantics(edited);
        }

        if (testOption == "test-only")
        {
            return null;
        }

        if (target == "running")
        {
            return edited;
        }

        Candidate = edited;
        CandidateModified = true;
        return null;
    }

    public void Validate(XElement tree)
    {
        validator.CheckNames(tree);
        validator.CheckSemantics(tree);
    }

    /// <summary>Checks the candidate and returns what running becomes.</summary>
    public XElement PrepareCommit(uint session)
    {
        CheckNotLockedByOther(session, "running");
        CheckNotLockedByOther(session, "candidate");
        Validate(Candidate);
        return new XElement(Candidate);
    }

    /// <summary>Makes <paramref name="running"/> the running configuration (and the candidate, which now has no edits).</summary>
    public void SetRunning(XElement running)
    {
        Running = running;
        Candidate = new XElement(running);
        CandidateModified = false;
    }

    public void Discard(uint session)
    {
        CheckNotLockedByOther(session, "candidate");
        Candidate = new XElement(Running);
        CandidateModified = false;
    }

    public void Lock(uint session, string target)
    {
        Of(target);
        uint holder = target == "running" ? RunningLock : CandidateLock;
        if (holder != 0)
        {
            throw new NetconfRpcException(RpcError.LockDenied(holder));
        }

        if (target == "candidate" && CandidateModified)
        {
            // RFC 6241 §8.3.5.1: the candidate cannot be locked while it has changes not committed.
            throw new NetconfRpcException(RpcError.LockDenied(0) with { Message = "the candidate has changes not committed or discarded" });
        }

        if (target == "running")
        {
            RunningLock = session;
        }
        else
        {
            CandidateLock = session;
        }
    }

    public void Unlock(uint session, string target)
    {
        Of(target);
        uint holder = target == "running" ? RunningLock : CandidateLock;
        if (holder != session)
        {
            throw new NetconfRpcException(RpcError.OperationFailed(holder == 0
                ? $"{target} is not locked" : $"{target} is locked by session {holder}, not this one"));
        }

        if (target == "running")
        {
            RunningLock = 0;
        }
        else
        {
            CandidateLock = 0;
        }
    }

    /// <summary>A session ended: its locks go, and with the candidate's lock its uncommitted edits (§8.3.5.2).</summary>
    public void Release(uint session)
    {
        if (RunningLock == session)
        {
            RunningLock = 0;
        }

        if (CandidateLock == session)
        {
            CandidateLock = 0;
            Candidate = new XElement(Running);
            CandidateModified = false;
        }
    }

    /// <summary>The top-level nodes that differ between two running trees, with the RFC 6470 operation.</summary>
    public static List<(XName Node, string Operation)> Changes(XElement before, XElement after)
    {
        var changes = new List<(XName, string)>();
        foreach (var name in before.Elements().Concat(after.Elements()).Select(e => e.Name).Distinct())
        {
            var was = before.Elements(name).ToList();
            var now = after.Elements(name).ToList();
            if (was.Count == 0)
            {
                changes.Add((name, "create"));
            }
            else if (now.Count == 0)
            {
                changes.Add((name, "delete"));
            }
            else if (was.Count != now.Count || was.Zip(now).Any(p => !XNode.DeepEquals(p.First, p.Second)))
            {
                changes.Add((name, "merge"));
            }
        }

        return changes;
    }

    private void CheckNotLockedByOther(uint session, string target)
    {
        uint holder = target == "running" ? RunningLock : target == "candidate" ? CandidateLock : 0;
        if (holder != 0 && holder != session)
        {
            throw new NetconfRpcException(RpcError.InUse($"{target} is locked by session {holder}")
                with { Info = [new XElement(NetconfNamespaces.Base + "session-id", holder)] });
        }
    }
}
