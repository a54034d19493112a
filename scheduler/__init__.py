"""The scheduler room: when each source is polled, and the service that polls, crawls and delivers."""
from .child import PassProcess, PassRequest, PassResult
from .lock import AlreadyRunning, ArchiveLock
from .service import Service, ServiceSettings

__all__ = ["AlreadyRunning", "ArchiveLock", "PassProcess", "PassRequest", "PassResult", "Service", "ServiceSettings"]
