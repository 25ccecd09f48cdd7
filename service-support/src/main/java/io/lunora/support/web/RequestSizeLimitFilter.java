package io.lunora.support.web;

import io.lunora.support.problem.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses bodies over the configured size with 413 before anything reads them. */
class RequestSizeLimitFilter extends OncePerRequestFilter {
    private final long maxBytes;

    RequestSizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            ProblemJson.write(response, 413, "Request body too large",
                    "The request body exceeds the limit of " + maxBytes + " bytes.");
            return;
        }
        chain.doFilter(request, response);
    }
}
