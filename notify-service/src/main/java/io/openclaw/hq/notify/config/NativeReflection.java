package io.openclaw.hq.notify.config;

import com.twilio.exception.RestException;
import com.twilio.rest.api.v2010.account.Message;
import io.openclaw.hq.notify.model.AlertRequest;
import io.openclaw.hq.notify.model.AlertResult;
import io.openclaw.hq.notify.model.ChannelResult;
import io.openclaw.hq.notify.model.ChannelStatus;
import io.openclaw.hq.notify.model.DeliveryRecord;
import io.openclaw.hq.notify.model.MaintenanceRequest;
import io.openclaw.hq.notify.model.MaintenanceWindow;
import io.openclaw.hq.notify.model.SmsRequest;
import io.openclaw.hq.notify.model.SmsResult;
import io.openclaw.hq.notify.model.ProviderCheck;
import io.openclaw.hq.notify.model.StatusReport;
import io.openclaw.hq.notify.client.PushoverQuota;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What Jackson reads and writes by reflection, for the native image: our records (nested ones are
 * not all reachable from resource signatures) and the twilio-java classes its SDK deserializes.
 */
@RegisterForReflection(targets = {AlertRequest.class, AlertResult.class, ChannelResult.class, ChannelStatus.class,
        DeliveryRecord.class, MaintenanceRequest.class, MaintenanceWindow.class, SmsRequest.class, SmsResult.class,
        StatusReport.class, ChannelStatus.ChannelActivity.class, ProviderCheck.class, PushoverQuota.class, Message.class, RestException.class})
public final class NativeReflection {

    private NativeReflection() {
    }
}
