namespace OranTestbed.Fronthaul.Ecpri;

/// <summary>One-way delay measurement action type (eCPRI V2.0 §3.2.4.6, Table 9). 6-255 are reserved.</summary>
public enum EcpriDelayAction : byte
{
    Request = 0,
    RequestWithFollowUp = 1,
    Response = 2,
    RemoteRequest = 3,
    RemoteRequestWithFollowUp = 4,
    FollowUp = 5,
}
