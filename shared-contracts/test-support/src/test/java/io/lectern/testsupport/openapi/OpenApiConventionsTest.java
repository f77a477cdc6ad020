package io.lectern.testsupport.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiConventionsTest {

    @Test
    void publicOperationsHaveNoSecurityOthersNeedABearerTokenAndAllListTheirProblems() {
        Operation list = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()));
        Operation view = new Operation();
        Operation create = new Operation();
        OpenAPI api = new OpenAPI()
                .paths(new Paths()
                        .addPathItem("/api/v1/posts", new PathItem().get(list).post(create))
                        .addPathItem("/api/v1/posts/{slug}/views", new PathItem().post(view)));

        new OpenApiConventions(List.of("GET /api/v1/posts", "POST /api/v1/posts/*/views")).customise(api);

        assertThat(list.getSecurity()).isEmpty();
        assertThat(view.getSecurity()).isEmpty();
        assertThat(create.getSecurity())
                .singleElement()
                .satisfies(r -> assertThat(r).containsKey("bearer"));
        assertThat(list.getResponses()).containsKeys("200", "400").doesNotContainKey("401");
        assertThat(create.getResponses()).containsKeys("400", "401", "403");
        assertThat(view.getResponses()).containsKeys("400", "404");
        assertThat(api.getComponents().getSchemas()).containsKey("Problem");
    }
}
