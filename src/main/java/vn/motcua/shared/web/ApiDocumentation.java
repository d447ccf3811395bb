package vn.motcua.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The OpenAPI document of {@code /api/v1}: how to authenticate (HTTP Basic with an account; the public GET paths of
 * {@link PublicApi} need none) and every error answer, all problem+json (RFC 9457) as {@link ApiProblemHandler} and
 * the security configuration write them.
 */
@Configuration
public class ApiDocumentation {
    static final String BASIC = "basicAuth";
    static final String PARTNER = "partnerSignature";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Bean
    OpenAPI motcuaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("MotCua API").version("v1")
                        .description("API của hệ thống thông tin giải quyết thủ tục hành chính: danh mục thủ tục, đơn vị, lịch ngày làm việc, "
                                + "hồ sơ, tra cứu và thống kê. Các thao tác đọc công khai không cần đăng nhập; thao tác khác dùng HTTP Basic "
                                + "bằng tài khoản cán bộ và chỉ được làm trong phạm vi đơn vị, vai trò của tài khoản."))
                .servers(List.of(new Server().url("/").description("Máy chủ đang phục vụ tài liệu này")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Tên đăng nhập và mật khẩu của tài khoản (cán bộ, kiểm soát TTHC, quản trị)"))
                        .addSecuritySchemes(PARTNER, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                                .name("X-Signature").description("Hệ thống đối tác (Cổng DVCQG, bưu chính, hệ thống chuyên ngành): tiêu đề X-Client-Id "
                                        + "là mã hệ thống, X-Signature là HMAC-SHA256 (hex) của nguyên văn nội dung bằng khóa chung đã cấp")));
    }

    /** Adds the problem schema, the security requirement and the error answers to every operation of the API. */
    @Bean
    OpenApiCustomizer errorAnswers() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> errorAnswers(path, method, op)));
        };
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema().description("Một lỗi của một trường dữ liệu")
                .addProperty("field", new StringSchema().description("Tên trường, ví dụ nationalCode"))
                .addProperty("message", new StringSchema().description("Thông báo cho người dùng (tiếng Việt)"));
        return new ObjectSchema().description("Lỗi theo RFC 9457 (application/problem+json)")
                .addProperty("type", new StringSchema().format("uri").description("Loại lỗi: …/problems/validation, malformed, "
                        + "not-found, conflict, unauthorized, forbidden, too-many-requests, second-factor-required; about:blank cho lỗi chung của HTTP"))
                .addProperty("title", new StringSchema().description("Tên loại lỗi"))
                .addProperty("status", new IntegerSchema().description("Mã HTTP"))
                .addProperty("detail", new StringSchema().description("Giải thích bằng tiếng Việt"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("Đường dẫn của yêu cầu"))
                .addProperty("errors", new ArraySchema().items(fieldProblem).description("Các trường sai (khi status = 422)"));
    }

    private static void errorAnswers(String path, PathItem.HttpMethod method, Operation op) {
        boolean open = (method == PathItem.HttpMethod.GET && PublicApi.isPublicGet(path))
                || (method == PathItem.HttpMethod.POST && PublicApi.isPublicPost(path));
        boolean partner = PublicApi.isPartner(path);
        op.setSecurity(partner ? List.of(new SecurityRequirement().addList(PARTNER))
                : open ? List.of(new SecurityRequirement()) : List.of(new SecurityRequirement().addList(BASIC)));
        ApiResponses responses = op.getResponses();
        boolean hasInput = op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty());
        add(responses, "406", "Không trả được định dạng yêu cầu trong Accept (API trả JSON)");
        if (hasInput) {
            add(responses, "400", "Yêu cầu không đọc được (JSON sai định dạng, tham số sai kiểu)");
        }
        if (hasInput || method != PathItem.HttpMethod.GET) {
            add(responses, "422", "Dữ liệu không hợp lệ hoặc không đúng quy định; không có gì được lưu");
        }
        if (op.getDescription() != null && op.getDescription().contains("503")) {
            // operations that wait for a partner system (the payment platform …) say so in their description
            add(responses, "503", "Hệ thống đối tác (nền tảng thanh toán …) chưa trả lời; không có gì thay đổi, thử lại sau");
        }
        if (partner) {
            add(responses, "401", "Sai mã hệ thống hoặc chữ ký; lời gọi được ghi nhật ký");
        } else if (!open) {
            add(responses, "401", "Chưa đăng nhập hoặc sai mật khẩu");
            add(responses, "403", "Tài khoản không có vai trò cần thiết");
        }
        add(responses, "429", "Quá nhiều lần thử sai (đăng nhập, tra cứu): thử lại sau số giây trong tiêu đề Retry-After");
        if (path.contains("{") || ((open || partner) && method == PathItem.HttpMethod.POST)) {
            add(responses, "404", "Không tìm thấy (hoặc người dùng không được xem)");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            add(responses, "409", "Xung đột: bản ghi đã được người khác thay đổi (rowVersion) hoặc trạng thái không cho phép");
        }
    }

    private static void add(ApiResponses responses, String status, String description) {
        responses.putIfAbsent(status, new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }
}
