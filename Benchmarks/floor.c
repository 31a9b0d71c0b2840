/*
 * The floor for `guide build`: what any generator must do for a site of the
 * same size, and nothing else. For each of N pages it renders Markdown with
 * libcmark, makes the page's folder and writes its index.html (about as many
 * bytes as guide's pages); no templates, no model, no links between pages.
 *
 *   cc -O2 Benchmarks/floor.c -lcmark -o floor
 *   ./floor GUIDE.txt PAGES BYTES_PER_PAGE OUTPUT_FOLDER
 *
 * The Markdown of page i is the i-th block of the guide (blocks are separated
 * by blank lines; the guide is cycled through), so the work per page is real
 * cmark work on the same text guide renders.
 */
#include <cmark.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *read_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); exit(1); }
    fseek(file, 0, SEEK_END);
    *length = (size_t)ftell(file);
    fseek(file, 0, SEEK_SET);
    char *bytes = malloc(*length + 1);
    if (fread(bytes, 1, *length, file) != *length) { perror(path); exit(1); }
    bytes[*length] = 0;
    fclose(file);
    return bytes;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s GUIDE.txt PAGES BYTES_PER_PAGE OUTPUT_FOLDER\n", argv[0]);
        return 2;
    }
    size_t length;
    char *guide = read_file(argv[1], &length);
    long pages = atol(argv[2]);
    long page_bytes = atol(argv[3]);
    const char *output = argv[4];

    /* Blocks: start offsets of runs of text separated by blank lines. */
    size_t capacity = 1024, count = 0;
    char **blocks = malloc(capacity * sizeof *blocks);
    char *cursor = guide;
    while (*cursor) {
        while (*cursor == '\n') cursor++;
        if (!*cursor) break;
        if (count == capacity) blocks = realloc(blocks, (capacity *= 2) * sizeof *blocks);
        blocks[count++] = cursor;
        char *end = strstr(cursor, "\n\n");
        if (!end) break;
        *end = 0;
        cursor = end + 2;
    }
    if (count == 0) { fprintf(stderr, "no text in %s\n", argv[1]); return 1; }

    if (mkdir(output, 0755) != 0 && errno != EEXIST) { perror(output); return 1; }
    char path[4096];
    snprintf(path, sizeof path, "%s/pages", output);
    if (mkdir(path, 0755) != 0 && errno != EEXIST) { perror(path); return 1; }

    char *page = malloc((size_t)page_bytes + 1);
    for (long i = 0; i < pages; i++) {
        const char *markdown = blocks[i % (long)count];
        char *html = cmark_markdown_to_html(markdown, strlen(markdown), CMARK_OPT_DEFAULT);
        /* The page: the rendered block, repeated up to the page size. */
        size_t html_length = strlen(html), filled = 0;
        while (filled < (size_t)page_bytes && html_length > 0) {
            size_t take = html_length < (size_t)page_bytes - filled ? html_length : (size_t)page_bytes - filled;
            memcpy(page + filled, html, take);
            filled += take;
        }
        free(html);
        snprintf(path, sizeof path, "%s/pages/%ld", output, i);
        if (mkdir(path, 0755) != 0 && errno != EEXIST) { perror(path); return 1; }
        snprintf(path, sizeof path, "%s/pages/%ld/index.html", output, i);
        int descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (descriptor < 0 || write(descriptor, page, filled) != (ssize_t)filled || close(descriptor) != 0) {
            perror(path);
            return 1;
        }
    }
    return 0;
}
