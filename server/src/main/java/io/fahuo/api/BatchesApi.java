package io.fahuo.api;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.fulfilment.Batches;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/batches")
@Tag(name = "batches")
class BatchesApi {

    record BatchRequest(String action, List<Long> orderIds, String reason) {
    }

    record Accepted(long id, String status) {
    }

    private final Batches batches;

    BatchesApi(Batches batches) {
        this.batches = batches;
    }

    @PostMapping
    @Operation(summary = "Run an action (issue-waybill, print, ship, hold, release) over up to 500 orders")
    ResponseEntity<Accepted> submit(@RequestBody BatchRequest request) {
        if (request == null) {
            throw new InvalidRequestException("a JSON body {\"action\": …, \"orderIds\": […]} is required");
        }
        long id = batches.submit(CurrentTenant.id(), Batches.Action.parse(request.action()), request.orderIds(),
                CurrentTenant.principal().subject(), request.reason());
        return ResponseEntity.accepted().location(URI.create("/api/v1/batches/" + id)).body(new Accepted(id, "QUEUED"));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Progress and per-order results of a batch")
    Batches.Progress get(@PathVariable long id) {
        return batches.progress(CurrentTenant.id(), id);
    }
}
