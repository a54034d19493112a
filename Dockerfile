# casualty-watch: the CLI and the service (`casualty-watch run`), for docker-compose.yml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
COPY pyproject.toml README.md ./
COPY casualty_watch ./casualty_watch
COPY netpolicy ./netpolicy
COPY crawler ./crawler
COPY scheduler ./scheduler
COPY storage ./storage
COPY alerts ./alerts
COPY estimates ./estimates
COPY web ./web
RUN pip install . && rm -rf /src

RUN useradd --create-home --uid 10001 watch \
    && mkdir -p /var/lib/casualty-watch/captures && chown watch /var/lib/casualty-watch/captures
USER watch
WORKDIR /home/watch

ENTRYPOINT ["casualty-watch"]
CMD ["run"]
