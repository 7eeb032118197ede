package vn.ocop.traceability.recall;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A request to recall a lot.
 *
 * @param reason why, as the lot's page will show it to buyers (e.g. "Dư lượng thuốc bảo vệ thực vật vượt ngưỡng")
 */
@Serdeable
record RecallRequest(@NotBlank @Size(max = 1000) String reason) {
}
