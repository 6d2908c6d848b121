/*
 * The partner cities map. Leaflet draws what the page already says in its list of
 * cities (embedded as JSON by the template): without JavaScript, or without tiles,
 * the list and the markers still lead to every city.
 */
(function () {
  "use strict";

  var dataElement = document.getElementById("partner-map-data");
  var wrapper = document.querySelector("[data-partner-map]");
  var canvas = document.getElementById("partner-map");
  if (!dataElement || !wrapper || !canvas || typeof L === "undefined") {
    return;
  }
  var data = JSON.parse(dataElement.textContent);
  var labels = data.labels || {};
  var status = document.getElementById("partner-map-status");

  wrapper.hidden = false;
  var map = L.map(canvas, {
    keyboard: true,
    zoomControl: false,
    scrollWheelZoom: false,
    worldCopyJump: true,
  });
  L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);

  var tiles = L.tileLayer(data.tileUrl, { attribution: data.attribution, maxZoom: 18 });
  tiles.once("tileerror", function () {
    wrapper.classList.add("partner-map--without-tiles");
    if (status) {
      status.textContent = labels.tilesFailed;
      status.hidden = false;
    }
  });
  tiles.addTo(map);

  var icon = L.icon(Object.assign({}, L.Icon.Default.prototype.options, data.icon));

  function popupFor(city) {
    var box = document.createElement("div");
    box.className = "partner-map__popup";
    box.dir = "auto";
    var title = document.createElement("p");
    title.className = "partner-map__popup-title";
    var link = document.createElement("a");
    link.href = city.url;
    link.textContent = city.title;
    if (city.lang && city.lang !== data.language) {
      link.lang = city.lang;
    }
    title.appendChild(link);
    var details = document.createElement("p");
    details.className = "partner-map__popup-details";
    details.textContent = city.details;
    box.appendChild(title);
    box.appendChild(details);
    return box;
  }

  var points = [];
  data.cities.forEach(function (city) {
    var marker = L.marker([city.lat, city.lng], {
      icon: icon,
      keyboard: true,
      title: city.title,
      alt: city.title,
      riseOnHover: true,
    });
    marker.bindPopup(popupFor(city), { closeOnEscapeKey: true });
    marker.addTo(map);
    points.push([city.lat, city.lng]);
  });

  // Keyboard readers land in the popup they opened, and back on its marker when it closes.
  map.on("popupopen", function (event) {
    var popup = event.popup;
    var source = popup._source && popup._source.getElement && popup._source.getElement();
    var element = popup.getElement();
    var close = element && element.querySelector(".leaflet-popup-close-button");
    if (close && labels.closePopup) {
      close.setAttribute("aria-label", labels.closePopup);
      close.title = labels.closePopup;
    }
    if (source && document.activeElement === source) {
      var link = element.querySelector(".partner-map__popup a");
      if (link) {
        link.focus();
      }
    }
  });
  map.on("popupclose", function (event) {
    var popup = event.popup;
    var element = popup.getElement();
    var source = popup._source && popup._source.getElement && popup._source.getElement();
    var active = document.activeElement;
    var focusWasInPopup = !active || active === document.body || (element && element.contains(active));
    if (source && focusWasInPopup) {
      source.focus();
    }
  });
  // Leaflet closes popups on Escape only while the map itself has focus, not a popup link.
  canvas.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && event.target.closest(".leaflet-popup")) {
      map.closePopup();
    }
  });

  if (points.length === 1) {
    map.setView(points[0], 6);
  } else if (points.length > 1) {
    map.fitBounds(points, { padding: [30, 30], maxZoom: 6 });
  } else {
    map.setView([20, 0], 2);
  }
})();
