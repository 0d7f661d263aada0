namespace OranTestbed.Fronthaul.Ecpri;

/// <summary>
/// One fault/notification element of an event indication (eCPRI V2.0 §3.2.4.8): element id (0xFFFF = all elements),
/// raise (0) / cease (1) in 4 bits, fault or notification number in 12 bits (0x000-0x3FF faults, 0x400-0x7FF
/// notifications, 0x800-0xFFF vendor specific), 32 bits of additional information.
/// </summary>
public readonly record struct EcpriEventElement(
    ushort ElementId, byte RaiseCease, ushort FaultNotification, uint AdditionalInformation);
