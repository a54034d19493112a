/* The sign-in form: carries `next` through, and says so when the last attempt failed. */
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const params = new URLSearchParams(location.search);
  const next = params.get("next");
  if (next && next.startsWith("/") && !next.startsWith("//")) document.getElementById("signin-next").value = next;
  document.getElementById("signin-failed").hidden = params.get("failed") !== "1";
  document.getElementById(params.get("failed") === "1" ? "signin-password" : "signin-user").focus();
});
